using Microsoft.Extensions.Options;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

/// <summary>Creates the ops user named in configuration at start-up, once; an existing user is left as it is.</summary>
public sealed class OpsBootstrapService(
    IOptions<BootstrapOpsOptions> options,
    Credentials credentials,
    IGrainFactory grains,
    ILogger<OpsBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (email, password) = (Credentials.NormaliseEmail(options.Value.Email), options.Value.Password);
        if (email is null || string.IsNullOrEmpty(password))
        {
            if (!string.IsNullOrWhiteSpace(options.Value.Email))
                logger.LogWarning("{Section}:Email is set but not usable with a password: no ops user was created", BootstrapOpsOptions.Section);
            return;
        }

        if (Credentials.PasswordProblems(password, email).FirstOrDefault() is { } problem)
            throw new OptionsValidationException(BootstrapOpsOptions.Section, typeof(BootstrapOpsOptions), [$"{BootstrapOpsOptions.Section}:Password: {problem}"]);

        var user = grains.GetGrain<IUserGrain>(email);
        if (await user.GetCredentialsAsync() is not null)
            return;
        var hash = await Task.Run(() => credentials.Hash(password), cancellationToken);
        var result = await user.RegisterAsync(new NewUser(email, hash, UserRole.Ops, CompanyName: null));
        if (result.Created)
            logger.LogInformation("Created the bootstrap ops user {UserId}", result.UserId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
