using System.Net;
using System.Net.Http.Json;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>The single-node run keeps its data in the SQLite file across a stop and a start.</summary>
public sealed class SqliteRestartTests
{
    [Fact]
    public async Task Grain_state_written_before_a_restart_is_there_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();

        await using (var before = new OpsideApiFactory(data.Path))
        {
            using var client = before.CreateClient();
            (await client.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/durable", new ProbeNote("one"), ct)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/durable", new ProbeNote("two"), ct)).EnsureSuccessStatusCode();
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "opside.db")));

        await using var after = new OpsideApiFactory(data.Path);
        using var restarted = after.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/health/ready", ct)).StatusCode);
        var count = await restarted.GetFromJsonAsync<ProbeCount>($"{ProbeEndpoints.Prefix}/durable", ct);
        Assert.Equal(new ProbeCount(2), count);
    }
}
