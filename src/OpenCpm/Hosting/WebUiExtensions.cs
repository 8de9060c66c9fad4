using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using OpenCpm.Data;
using OpenCpm.Security;
using OpenCpm.Web;
using OpenCpm.Web.Components;
using OpenCpm.Web.Live;

namespace OpenCpm.Hosting;

internal static class WebUiExtensions
{
    /// <summary>
    /// The web UI: Blazor with interactive server rendering and MudBlazor, signed in with a cookie that carries a
    /// login token (the REST API keeps its bearer tokens: requests under /api never look at the cookie), anti-forgery
    /// on every form, English, German and French per user.
    /// </summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Package assets (blazor.web.js, MudBlazor) are served from a plain build too, not only after publish.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, UiAuthenticationStateProvider>();
        services.AddSingleton<UiCookieEvents>();
        services.AddAuthentication(options => options.DefaultScheme = UiAuthentication.SelectorScheme)
            .AddPolicyScheme(UiAuthentication.SelectorScheme, null, options => options.ForwardDefaultSelector = context =>
                UiAuthentication.IsApi(context.Request.Path) ? BearerTokenHandler.SchemeName : UiAuthentication.CookieScheme)
            .AddCookie(UiAuthentication.CookieScheme, options =>
            {
                options.Cookie.Name = UiAuthentication.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = UiAuthentication.LoginPath;
                options.LogoutPath = UiAuthentication.LogoutPath;
                options.AccessDeniedPath = UiAuthentication.LoginPath;
                options.ExpireTimeSpan = TokenService.LoginLifetime;
                options.SlidingExpiration = false;
                options.EventsType = typeof(UiCookieEvents);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(UiAuthentication.Policy, policy => policy.AddAuthenticationSchemes(UiAuthentication.CookieScheme)
                .RequireAuthenticatedUser().AddRequirements(new PasswordChangedRequirement()))
            .AddPolicy(UiAuthentication.PasswordChangePolicy, policy => policy.AddAuthenticationSchemes(UiAuthentication.CookieScheme)
                .RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp =>
            new UiAuthorizationResultHandler(ActivatorUtilities.CreateInstance<ProblemAuthorizationResultHandler>(sp)));

        services.AddSingleton<UserPreferencesStore>();
        services.AddScoped<UserFormat>();
        services.AddSingleton<SiteHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteHistory>());
        return builder;
    }

    /// <summary>The pages, their static files and the language of each request.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        var cultures = UserPreferences.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new UserLanguageCultureProvider(), new BrowserLanguageCultureProvider()],
        };
        app.UseWhen(context => !UiAuthentication.IsApi(context.Request.Path), ui => ui.UseRequestLocalization(localization));
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapUiDownloads();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
