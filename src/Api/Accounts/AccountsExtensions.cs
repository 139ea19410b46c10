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
        return builder;
    }
}
