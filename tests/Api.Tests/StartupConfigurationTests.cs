using Microsoft.Extensions.Options;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>A bad or missing configuration value stops the process at start-up with a message naming the key.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider")]
    [InlineData("Cluster:Provider", "Zookeeper", "Cluster:Provider")]
    [InlineData("Orleans:Role", "Spectator", "Orleans:Role")]
    [InlineData("Orleans:SiloPort", "70000", "Orleans:SiloPort")]
    [InlineData("Orleans:AdvertisedAddress", "not-an-ip", "Orleans:AdvertisedAddress")]
    public void A_bad_value_stops_start_up_naming_the_key(string key, string value, string named)
    {
        using var factory = new OpsideApiFactory(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_membership_in_postgres_with_sqlite_storage_stops_start_up()
    {
        using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Cluster:Provider"] = "AdoNet",
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Opside"] = "Host=127.0.0.1;Database=opside",
        });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Storage:Provider must be Postgres when Cluster:Provider is AdoNet", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_storage_without_a_connection_string_stops_start_up_naming_it()
    {
        using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("ConnectionStrings:Opside", failure.Message, StringComparison.Ordinal);
    }
}
