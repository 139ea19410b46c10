using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opside.Testing;

namespace Opside.Silo.Tests.Hosting;

/// <summary>The headless silo host's own HTTP endpoint: health and, in Development, the dashboard.</summary>
public sealed class SiloHostTests
{
    [Fact]
    public async Task The_silo_host_answers_health_and_serves_the_dashboard_to_ops_users()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        await using var factory = SiloHost(data.Path, "Development");
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live", ct);
        var ready = await client.GetAsync("/health/ready", ct);
        using var ops = factory.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Ops());
        var dashboard = await ops.GetAsync("/dashboard/", ct);
        var anonymousDashboard = await client.GetAsync("/dashboard/", ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDashboard.StatusCode);
        Assert.True(File.Exists(Path.Combine(data.Path, "opside.db")));
    }

    [Theory]
    [InlineData("Auth:Jwt:SigningKeys")]
    [InlineData("Security:TokenEncryption:Keys")]
    public async Task Outside_development_the_silo_host_refuses_to_start_without_a_key(string missing)
    {
        using var data = new TempDirectory();
        var keys = TestAuth.Settings().Where(s => !s.Key.StartsWith(missing, StringComparison.Ordinal)).ToDictionary();
        await using var factory = SiloHost(data.Path, "Production", keys);

        var failure = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<SiloProgram> SiloHost(string dataDirectory, string environment, Dictionary<string, string?>? keys = null) =>
        new WebApplicationFactory<SiloProgram>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in keys ?? TestAuth.Settings())
                builder.UseSetting(key, value);
            builder.UseEnvironment(environment);
            builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
        });
}
