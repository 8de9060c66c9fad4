using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/auth: log in (the only anonymous call of the API), log out, change the password (the only calls allowed
/// while a password must be changed), and API tokens for scripts. An API token may neither create tokens nor
/// change the password. Logins and password changes are throttled per address first (<see cref="LoginThrottle"/>).
/// </summary>
internal static class AuthApi
{
    public const int MaxTokenNameLength = CreateTokenRequest.MaxNameLength;

    /// <summary>The event-log source of security events.</summary>
    public const string Source = "security";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login")
            .WithSummary("Exchanges user name and password for a bearer token. Repeated failures lock the address out for a while (429); a user name is locked only for addresses that failed.");
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(SecurityPolicies.PasswordChange).WithName("Logout")
            .WithSummary("Revokes the token of this call.");
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization(SecurityPolicies.PasswordChange, SecurityPolicies.Interactive).WithName("ChangePassword")
            .WithSummary("Changes the caller's password (at least 10 characters, 3 of 4 character kinds, no character 3 times in a row) and revokes every other token; after a first login, the caller's token too (log in again).");
        group.MapGet("/me", Me).RequireAuthorization(SecurityPolicies.PasswordChange).WithName("CurrentUser")
            .WithSummary("Who the token belongs to and whether the password must be changed.");
        group.MapGet("/tokens", ListTokensAsync).RequireAuthorization(SecurityPolicies.Api).WithName("ListApiTokens")
            .WithSummary("The caller's API tokens (never their secrets).");
        group.MapPost("/tokens", CreateTokenAsync).RequireAuthorization(SecurityPolicies.Api, SecurityPolicies.Interactive).WithName("CreateApiToken")
            .WithSummary("Creates an API token (not with an API token); the answer shows the token this once.");
        group.MapDelete("/tokens/{id:long}", RevokeTokenAsync).RequireAuthorization(SecurityPolicies.Api).WithName("RevokeApiToken")
            .WithSummary("Revokes one of the caller's API tokens.");
        return app;
    }

    /// <summary>The caller's address as the throttle counts it (an IPv4 client seen through IPv6 counts as IPv4).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, HttpContext context, UserAccounts users, TokenService tokens, LoginThrottle throttle,
        EventLog events, ILogger<LoginRequest> logger, CancellationToken cancellationToken)
    {
        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var name = body.Username!;
        var address = ClientAddress(context);
        if (Throttled(throttle, name, address, context, logger) is { } tooMany)
        {
            return tooMany;
        }

        var user = await users.AuthenticateAsync(name, body.Password!, cancellationToken);
        if (user is null)
        {
            SecurityLog.LoginFailed(logger, LogText.Escape(name), address);
            await RecordFailureAsync(throttle, name, address, events, cancellationToken);
            return TypedResults.Problem(detail: "The user name or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
        }

        throttle.RecordSuccess(name, address);
        var token = await tokens.IssueLoginTokenAsync(user.Id, cancellationToken);
        SecurityLog.LoggedIn(logger, LogText.Escape(user.Name), address);
        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt, user.MustChangePassword));
    }

    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, TokenService tokens, ILogger<LoginRequest> logger, CancellationToken cancellationToken)
    {
        if (principal.TokenIdOrNull() is { } tokenId)
        {
            await tokens.RevokeAsync(principal.UserId(), tokenId, cancellationToken);
            SecurityLog.LoggedOut(logger, LogText.Escape(principal.UserName()), tokenId);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest body, HttpContext context, ClaimsPrincipal principal, UserAccounts users, LoginThrottle throttle,
        EventLog events, ILogger<ChangePasswordRequest> logger, CancellationToken cancellationToken)
    {
        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var name = principal.UserName();
        var address = ClientAddress(context);
        if (Throttled(throttle, name, address, context, logger) is { } tooMany)
        {
            return tooMany;
        }

        // The token of a first login (issued while the password had to be changed) ends with the change.
        long? keep = principal.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword) ? null : principal.TokenIdOrNull();
        var outcome = await users.ChangePasswordAsync(principal.UserId(), body.CurrentPassword!, body.NewPassword!, keep, cancellationToken);
        if (outcome.WrongCurrentPassword)
        {
            SecurityLog.PasswordChangeFailed(logger, LogText.Escape(name), address);
            await RecordFailureAsync(throttle, name, address, events, cancellationToken);
        }

        if (outcome.Problem is { } refused)
        {
            return ApiProblems.BadRequest(refused);
        }

        SecurityLog.PasswordChanged(logger, LogText.Escape(name));
        await events.InfoAsync(Source, $"{LogText.Escape(name)} changed their password; every other token was revoked.", cancellationToken);
        return TypedResults.NoContent();
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
        if (body.Problem(time.GetUtcNow()) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var name = body.Name!;
        var token = await tokens.CreateApiTokenAsync(principal.UserId(), name, body.ExpiresAt, cancellationToken);
        SecurityLog.ApiTokenCreated(logger, LogText.Escape(principal.UserName()), token.Id, LogText.Escape(name));
        await events.InfoAsync(Source, FormattableString.Invariant($"{LogText.Escape(principal.UserName())} created API token {token.Id} \"{LogText.Escape(name)}\"."), cancellationToken);
        return TypedResults.Created(
            FormattableString.Invariant($"/api/v1/auth/tokens/{token.Id}"),
            new CreatedTokenDto(token.Id, name, token.Token, token.ExpiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id, ClaimsPrincipal principal, TokenService tokens, EventLog events, ILogger<CreateTokenRequest> logger, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeApiTokenAsync(principal.UserId(), id, cancellationToken))
        {
            return ApiProblems.NotFound(FormattableString.Invariant($"API token {id} does not exist."));
        }

        SecurityLog.ApiTokenRevoked(logger, LogText.Escape(principal.UserName()), id);
        await events.InfoAsync(Source, FormattableString.Invariant($"{LogText.Escape(principal.UserName())} revoked API token {id}."), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>429 with Retry-After while the address (or the name, for an address that failed) is locked out.</summary>
    private static ProblemHttpResult? Throttled(LoginThrottle throttle, string name, string address, HttpContext context, ILogger logger)
    {
        var wait = throttle.RetryAfter(name, address);
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        SecurityLog.LoginLockedOut(logger, LogText.Escape(name), address, seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: FormattableString.Invariant($"Too many failed logins for this user or address: try again in {seconds} s."),
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed logins");
    }

    private static async Task RecordFailureAsync(LoginThrottle throttle, string name, string address, EventLog events, CancellationToken cancellationToken)
    {
        var (addressLockout, nameLockout) = throttle.RecordFailure(name, address);
        if (addressLockout > TimeSpan.Zero)
        {
            await events.WarningAsync(Source, FormattableString.Invariant(
                $"Logins from {address} are locked for {addressLockout.TotalSeconds:0} s after repeated failures."), cancellationToken);
        }

        if (nameLockout > TimeSpan.Zero)
        {
            await events.WarningAsync(Source, FormattableString.Invariant(
                $"Logins for user \"{LogText.Escape(name)}\" are locked for {nameLockout.TotalSeconds:0} s after repeated failures, from addresses that failed (not from those it logged in from)."), cancellationToken);
        }
    }
}
