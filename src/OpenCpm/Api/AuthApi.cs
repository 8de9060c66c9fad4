using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/auth: log in (the only anonymous call of the API), log out, change the password (the only calls allowed
/// while a password must be changed), and API tokens for scripts. An API token may neither create tokens nor
/// change the password. Logins and password changes are throttled per address first (<see cref="LoginThrottle"/>).
/// </summary>
internal static class AuthApi
{
    /// <summary>The event-log source of security events.</summary>
    public const string Source = LoginService.EventSource;

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

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, HttpContext context, LoginService logins, CancellationToken cancellationToken)
    {
        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var outcome = await logins.LoginAsync(body.Username!, body.Password!, ClientAddress.Of(context), cancellationToken);
        if (outcome.LockedOut)
        {
            return TooMany(context, outcome.RetryAfter);
        }

        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(detail: "The user name or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
        }

        return TypedResults.Ok(new LoginResponse(outcome.Token!.Token, outcome.Token.ExpiresAt, outcome.User!.MustChangePassword));
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
        ChangePasswordRequest body, HttpContext context, ClaimsPrincipal principal, LoginService logins, CancellationToken cancellationToken)
    {
        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var outcome = await logins.ChangePasswordAsync(principal, body.CurrentPassword!, body.NewPassword!, ClientAddress.Of(context), cancellationToken);
        if (outcome.LockedOut)
        {
            return TooMany(context, outcome.RetryAfter);
        }

        return outcome.Problem is { } refused ? ApiProblems.BadRequest(refused) : TypedResults.NoContent();
    }

    private static Ok<CurrentUserDto> Me(ClaimsPrincipal principal) =>
        TypedResults.Ok(new CurrentUserDto(
            principal.UserName(),
            principal.FindFirstValue(ClaimTypes.Role) ?? "",
            principal.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword)));

    private static async Task<Ok<IReadOnlyList<ApiTokenInfo>>> ListTokensAsync(
        ClaimsPrincipal principal, ApiTokens tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(principal.UserId(), cancellationToken));

    private static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult>> CreateTokenAsync(
        CreateTokenRequest body, ClaimsPrincipal principal, ApiTokens tokens, CancellationToken cancellationToken)
    {
        if (tokens.Problem(body.Name, body.ExpiresAt) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var name = body.Name!;
        var token = await tokens.CreateAsync(principal.UserId(), principal.UserName(), name, body.ExpiresAt, cancellationToken);
        return TypedResults.Created(
            FormattableString.Invariant($"/api/v1/auth/tokens/{token.Id}"),
            new CreatedTokenDto(token.Id, name, token.Token, token.ExpiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id, ClaimsPrincipal principal, ApiTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(principal.UserId(), principal.UserName(), id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(FormattableString.Invariant($"API token {id} does not exist."));

    /// <summary>429 with Retry-After while the address (or the name, for an address that failed) is locked out.</summary>
    private static ProblemHttpResult TooMany(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: PasswordChangeOutcome.LockedOutProblem(wait),
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed logins");
    }
}
