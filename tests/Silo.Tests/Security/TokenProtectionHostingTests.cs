using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Opside.Hosting.Security;
using static Opside.Silo.Tests.Security.ProtectorFactory;
using Opside.Grains.Security;

namespace Opside.Silo.Tests.Security;

/// <summary>Outside Development a host refuses to start without keys; in Development it warns and carries on.</summary>
public sealed class TokenProtectionHostingTests
{
    private const string Seller = "seller-a";

    [Fact]
    public async Task A_production_host_without_keys_refuses_to_start_naming_the_keys_section()
    {
        using var host = Build(Environments.Production, []);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Security:TokenEncryption:Keys must hold at least one key outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_a_malformed_key_refuses_to_start_naming_the_key_path_but_not_the_key()
    {
        using var host = Build(Environments.Production, new()
        {
            ["Security:TokenEncryption:Keys:0:Id"] = "k1",
            ["Security:TokenEncryption:Keys:0:Key"] = "dG9vLXNob3J0LXNlY3JldA==",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Security:TokenEncryption:Keys:0:Key must be base64 of 32 random bytes.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dG9vLXNob3J0LXNlY3JldA==", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_host_with_configured_keys_protects_under_the_last_one()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = Build(Environments.Production, new()
        {
            ["Security:TokenEncryption:Keys:0:Id"] = "old",
            ["Security:TokenEncryption:Keys:0:Key"] = Key("old").Key,
            ["Security:TokenEncryption:Keys:1:Id"] = "new",
            ["Security:TokenEncryption:Keys:1:Key"] = Key("new").Key,
        });
        await host.StartAsync(ct);

        var protector = host.Services.GetRequiredService<RefreshTokenProtector>();
        var stored = protector.Protect("Atzr|x", Seller);

        Assert.StartsWith("v2.new.", stored, StringComparison.Ordinal);
        Assert.Equal("Atzr|x", protector.Unprotect(stored, Seller));
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task A_development_host_without_keys_starts_with_a_process_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = Build(Environments.Development, []);
        await host.StartAsync(ct);

        var protector = host.Services.GetRequiredService<RefreshTokenProtector>();

        Assert.Equal("Atzr|x", protector.Unprotect(protector.Protect("Atzr|x", Seller), Seller));
        await host.StopAsync(ct);
    }

    [Fact]
    public void Registering_twice_registers_once()
    {
        var services = new ServiceCollection();

        services.AddOpsideTokenProtection().AddOpsideTokenProtection();

        Assert.Single(services, d => d.ServiceType == typeof(RefreshTokenProtector));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TokenEncryptionOptions>) && d.ImplementationType == typeof(TokenEncryptionKeysRequiredValidator));
    }

    [Fact]
    public void Without_keys_in_development_the_protector_warns_that_tokens_end_with_the_process()
    {
        var logger = new ListLogger<RefreshTokenProtector>();

        var protector = Create(Environments.Development, logger);

        Assert.Equal("Atzr|x", protector.Unprotect(protector.Protect("Atzr|x", Seller), Seller));
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("Security:TokenEncryption:Keys", message, StringComparison.Ordinal);
        Assert.Contains("unreadable after a restart", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_keys_outside_development_the_protector_refuses_to_exist()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Create(Environments.Production, new ListLogger<RefreshTokenProtector>()));

        Assert.Contains("Security:TokenEncryption:Keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protector_built_by_hand_refuses_a_malformed_key_too()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Create(new ConfiguredKey { Id = "k1", Key = "c2hvcnQ=" }));

        Assert.Contains("Security:TokenEncryption:Keys:0:Key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_in_development_are_used_rather_than_a_process_key()
    {
        var logger = new ListLogger<RefreshTokenProtector>();

        var protector = Create(Environments.Development, logger, Key("dev"));

        Assert.StartsWith("v2.dev.", protector.Protect("Atzr|x", Seller), StringComparison.Ordinal);
        Assert.Empty(logger.Entries);
    }

    private static IHost Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOpsideTokenProtection();
        return builder.Build();
    }
}
