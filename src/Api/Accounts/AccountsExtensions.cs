namespace Opside.Api.Accounts;

public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddOpsideAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BootstrapOpsOptions>().BindConfiguration(BootstrapOpsOptions.Section);
        builder.Services.AddOptions<LockoutOptions>().BindConfiguration(LockoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Credentials>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<SignIn>();
        builder.Services.AddHostedService<OpsBootstrapService>();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            // Read by the sign-in form's POST only; Secure wherever the request came over HTTPS.
            antiforgery.Cookie.Name = "opside_antiforgery";
            antiforgery.Cookie.Path = DashboardSignInApi.Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__antiforgery";
        });
        return builder;
    }
}
