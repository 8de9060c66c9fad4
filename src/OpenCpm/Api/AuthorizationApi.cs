using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/authorization: whether charging needs a card, and the online/offline authorization modes.</summary>
internal static class AuthorizationApi
{
    public static RouteGroupBuilder MapAuthorizationApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/authorization").WithTags("Authorization").MapSettingsDocument<AuthorizationSettings, AuthorizationSettings>(
            "AuthorizationSettings", "the authorization settings", document => document, (body, _) => body);
        return api;
    }
}
