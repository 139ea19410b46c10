using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Opside.Api.Tests;

/// <summary>
/// A call that fails because its silo died: a read is made again after a back-off and answers as if nothing happened;
/// a write is not repeated (it may have taken effect) and answers 503 with Retry-After; a read still failing after the
/// last attempt answers the same 503, never a 500.
/// </summary>
public sealed class SiloLossRetryTests : IClassFixture<SiloLossRetryTests.Host>
{
    private readonly Host _host;

    public SiloLossRetryTests(Host host) => _host = host;

    [Fact]
    public async Task A_read_that_reached_a_dead_silo_is_made_again_and_answers()
    {
        var key = Guid.NewGuid().ToString("N");
        using var client = _host.Api.CreateClient();
        var answer = await client.GetFromJsonAsync<ProbeCount>($"{ProbeEndpoints.Prefix}/silo-loss/{key}/2", TestContext.Current.CancellationToken);
        Assert.Equal(new ProbeCount(3), answer);
    }

    [Fact]
    public async Task A_write_that_reached_a_dead_silo_is_not_repeated_and_answers_503_with_retry_after()
    {
        var key = Guid.NewGuid().ToString("N");
        using var client = _host.Api.CreateClient();
        using var response = await client.PostAsync($"{ProbeEndpoints.Prefix}/silo-loss/{key}/1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(1, ProbeEndpoints.SiloLossCalls[key]);
    }

    [Fact]
    public async Task A_read_failing_on_every_attempt_answers_503_with_retry_after_after_five_attempts()
    {
        var key = Guid.NewGuid().ToString("N");
        using var client = _host.Api.CreateClient();
        using var response = await client.GetAsync($"{ProbeEndpoints.Prefix}/silo-loss/{key}/100", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(5, ProbeEndpoints.SiloLossCalls[key]);
    }

    public sealed class Host : IAsyncDisposable
    {
        public OpsideApiFactory Api { get; } = new();

        public ValueTask DisposeAsync() => Api.DisposeAsync();
    }
}
