using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using OpenCpm.Security;

namespace OpenCpm.Hosting;

internal static class SecurityExtensions
{
    /// <summary>Users, bearer tokens (login and API), login throttling, and the policies the API groups use.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder, string? adminPassword)
    {
        builder.Services.AddSingleton(new AdminPasswordPreset(adminPassword));
        builder.Services.AddSingleton<UserAccounts>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<LoginService>();
        builder.Services.AddSingleton<ApiTokens>();
        builder.Services.AddSingleton<AdminBootstrap>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminBootstrap>());

        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, PasswordChangedRequirement>();
        builder.Services.AddSingleton<IAuthorizationHandler, InteractiveLoginRequirement>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SecurityPolicies.Api, policy => policy.RequireAuthenticatedUser().AddRequirements(new PasswordChangedRequirement()))
            .AddPolicy(SecurityPolicies.PasswordChange, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(SecurityPolicies.Interactive, policy => policy.RequireAuthenticatedUser().AddRequirements(new InteractiveLoginRequirement()));
        return builder;
    }
}
