using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/auth: log in (the only anonymous call of the API), change the password (the only call allowed while a
/// password must be changed), and API tokens for scripts.
/// </summary>
internal static class AuthApi
{
    public const int MaxTokenNameLength = 64;

    /// <summary>The event-log source of security events.</summary>
    public const string Source = LoginService.EventSource;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login")
            .WithSummary("Exchanges user name and password for a bearer token. Repeated failures lock the user name and address out for a while (429).");
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization(SecurityPolicies.PasswordChange).WithName("ChangePassword")
            .WithSummary("Changes the caller's password (at least 10 characters, 3 of 4 character kinds, no character 3 times in a row).");
        group.MapGet("/me", Me).RequireAuthorization(SecurityPolicies.PasswordChange).WithName("CurrentUser")
            .WithSummary("Who the token belongs to and whether the password must be changed.");
        group.MapGet("/tokens", ListTokensAsync).RequireAuthorization(SecurityPolicies.Api).WithName("ListApiTokens")
            .WithSummary("The caller's API tokens (never their secrets).");
        group.MapPost("/tokens", CreateTokenAsync).RequireAuthorization(SecurityPolicies.Api).WithName("CreateApiToken")
            .WithSummary("Creates an API token; the answer shows the token this once.");
        group.MapDelete("/tokens/{id:long}", RevokeTokenAsync).RequireAuthorization(SecurityPolicies.Api).WithName("RevokeApiToken")
            .WithSummary("Revokes one of the caller's API tokens.");
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, HttpContext context, LoginService logins, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Username) || body.Password is null)
        {
            return ApiProblems.BadRequest("Both 'username' and 'password' must be given.");
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await logins.LoginAsync(body.Username, body.Password, address, cancellationToken);
        if (outcome.LockedOut)
        {
            var seconds = (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                detail: FormattableString.Invariant($"Too many failed logins for this user or address: try again in {seconds} s."),
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed logins");
        }

        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(detail: "The user name or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
        }

        return TypedResults.Ok(new LoginResponse(outcome.Token!.Token, outcome.Token.ExpiresAt, outcome.User!.MustChangePassword));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest body, ClaimsPrincipal principal, LoginService logins, CancellationToken cancellationToken)
    {
        if (body.CurrentPassword is null || body.NewPassword is null)
        {
            return ApiProblems.BadRequest("Both 'currentPassword' and 'newPassword' must be given.");
        }

        var problem = await logins.ChangePasswordAsync(
            principal.UserId(), principal.UserName(), principal.TokenId(), body.CurrentPassword, body.NewPassword, cancellationToken);
        return problem is null ? TypedResults.NoContent() : ApiProblems.BadRequest(problem);
    }

    private static Ok<CurrentUserDto> Me(ClaimsPrincipal principal) =>
        TypedResults.Ok(new CurrentUserDto(
            principal.UserName(),
            principal.FindFirstValue(ClaimTypes.Role) ?? "",
            principal.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword)));

    private static async Task<Ok<IReadOnlyList<ApiTokenInfo>>> ListTokensAsync(
        ClaimsPrincipal principal, TokenService tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListApiTokensAsync(principal.UserId(), cancellationToken));

    private static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult>> CreateTokenAsync(
        CreateTokenRequest body, ClaimsPrincipal principal, TokenService tokens, TimeProvider time,
        EventLog events, ILogger<CreateTokenRequest> logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxTokenNameLength)
        {
            return ApiProblems.BadRequest($"An API token needs a 'name' of 1..{MaxTokenNameLength} characters.");
        }

        if (body.ExpiresAt <= time.GetUtcNow())
        {
            return ApiProblems.BadRequest("The token's 'expiresAt' must be in the future.");
        }

        var token = await tokens.CreateApiTokenAsync(principal.UserId(), body.Name, body.ExpiresAt, cancellationToken);
        SecurityLog.ApiTokenCreated(logger, principal.UserName(), token.Id, body.Name);
        await events.InfoAsync(Source, FormattableString.Invariant($"{principal.UserName()} created API token {token.Id} \"{body.Name}\"."), cancellationToken);
        return TypedResults.Created(
            FormattableString.Invariant($"/api/v1/auth/tokens/{token.Id}"),
            new CreatedTokenDto(token.Id, body.Name, token.Token, token.ExpiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id, ClaimsPrincipal principal, TokenService tokens, EventLog events, ILogger<CreateTokenRequest> logger, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeApiTokenAsync(principal.UserId(), id, cancellationToken))
        {
            return ApiProblems.NotFound(FormattableString.Invariant($"API token {id} does not exist."));
        }

        SecurityLog.ApiTokenRevoked(logger, principal.UserName(), id);
        await events.InfoAsync(Source, FormattableString.Invariant($"{principal.UserName()} revoked API token {id}."), cancellationToken);
        return TypedResults.NoContent();
    }
}
