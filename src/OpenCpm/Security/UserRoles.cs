namespace OpenCpm.Security;

/// <summary>Roles of web UI / API users. Only administrators exist so far.</summary>
internal static class UserRoles
{
    public const string Admin = "admin";
}
