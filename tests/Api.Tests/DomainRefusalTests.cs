using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Opside.Api.Tests;

/// <summary>
/// A grain refuses a caller with a domain exception; the API's one exception handler answers each kind with its own
/// status and the grain's words, and a bug (any other exception) stays a 500 that tells nothing.
/// </summary>
public sealed class DomainRefusalTests : IAsyncLifetime
{
    private static readonly (string Kind, HttpStatusCode Status)[] Refusals =
    [
        ("not-found", HttpStatusCode.NotFound),
        ("conflict", HttpStatusCode.Conflict),
        ("invalid", HttpStatusCode.BadRequest),
        ("not-connected", HttpStatusCode.UnprocessableEntity),
    ];

    // Production, so that a 500 shows what a client outside Development sees.
    private readonly OpsideApiFactory _factory = new(environment: "Production");
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Each_domain_refusal_of_a_grain_answers_its_own_problem()
    {
        await AssertRefusalsAsync(_client, "co-hosted", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Any_other_exception_of_a_grain_is_a_500_without_its_message()
    {
        var answer = await _client.PostAsync($"{ProbeEndpoints.Prefix}/co-hosted/refusals/bug", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.DoesNotContain("has a bug", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static async Task AssertRefusalsAsync(HttpClient client, string probe, CancellationToken ct)
    {
        foreach (var (kind, status) in Refusals)
        {
            var answer = await client.PostAsync($"{ProbeEndpoints.Prefix}/{probe}/refusals/{kind}", null, ct);

            Assert.Equal(status, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            Assert.Equal($"Probe {probe} refuses: {kind.Replace('-', ' ')}.", problem.GetProperty("detail").GetString());
        }
    }
}
