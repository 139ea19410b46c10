using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>The co-hosted API in Development on SQLite: health, documents, errors, correlation, headers.</summary>
public sealed class ApiHostTests : IAsyncLifetime
{
    /// <summary>129 characters: one more than the longest id accepted.</summary>
    private const string TooLongCorrelationId = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    private OpsideApiFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Liveness_answers_200_without_running_dependency_checks()
    {
        var response = await _client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readiness_names_the_storage_and_silo_checks_and_both_pass()
    {
        var response = await _client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await ReadJsonAsync(response)).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal(1, checks.GetProperty("silo").GetProperty("data").GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_and_the_api_reference_are_served()
    {
        var ct = TestContext.Current.CancellationToken;
        var document = await _client.GetAsync("/openapi/v1.json", ct);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var json = await ReadJsonAsync(document);
        Assert.StartsWith("3.", json.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ProbeEndpoints.Prefix, json.GetRawText(), StringComparison.Ordinal);
        // Claims are typed: their schema, with the /// docs, reaches the document.
        var schemas = json.GetProperty("components").GetProperty("schemas");
        var claim = schemas.GetProperty("Claim");
        Assert.Contains("as the API answers it", claim.GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "id", "sellerId", "type", "status", "anchorDate", "windowCloses", "units", "estimatedValue", "evidence", "history" })
            Assert.True(claim.GetProperty("properties").TryGetProperty(field, out _), $"The Claim schema has no '{field}'.");
        Assert.Equal("date", claim.GetProperty("properties").GetProperty("anchorDate").GetProperty("format").GetString());
        Assert.Contains("Claimable", schemas.GetProperty("ClaimStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var list = json.GetProperty("paths").GetProperty("/api/sellers/{sellerId}/claims").GetProperty("get");
        Assert.EndsWith("/ClaimPage", list.GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);

        var reference = await _client.GetAsync("/docs", ct);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_to_ops_users()
    {
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());

        var response = await ops.GetAsync("/dashboard/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_answers_401_to_anonymous_callers_and_a_404_problem_to_signed_in_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var signedIn = _factory.CreateClientWithToken(TestAuth.Ops());

        var anonymous = await _client.GetAsync("/api/no-such-route", ct);
        var response = await signedIn.GetAsync("/api/no-such-route", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("/api/no-such-route", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_malformed_json_body_answers_a_400_problem_naming_the_parameter()
    {
        using var content = new StringContent("{\"note\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync($"{ProbeEndpoints.Prefix}/p1", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("body", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ProbeNote", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplied_correlation_id_is_echoed_and_carried_into_the_grain_log_scope()
    {
        const string correlationId = "req-7f3a2c";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ProbeEndpoints.Prefix}/correlated")
        {
            Content = JsonContent.Create(new ProbeNote("hello")),
        };
        request.Headers.Add("X-Correlation-ID", correlationId);

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
        var grainLine = Assert.Single(_factory.Logs.Events, e =>
            LogCapture.Property(e, "SourceContext") == typeof(ProbeGrain).FullName &&
            LogCapture.Property(e, "Probe") == "correlated");
        Assert.Equal(correlationId, LogCapture.Property(grainLine, "CorrelationId"));
    }

    [Fact]
    public async Task Hosts_sharing_a_process_write_only_to_their_own_log_sinks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var other = new OpsideApiFactory();
        using var otherClient = other.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ProbeEndpoints.Prefix}/isolated")
        {
            Content = JsonContent.Create(new ProbeNote("mine")),
        };
        request.Headers.Add("X-Correlation-ID", "isolated-1");

        (await _client.SendAsync(request, ct)).EnsureSuccessStatusCode();

        Assert.Contains(_factory.Logs.Events, e => LogCapture.Property(e, "Probe") == "isolated");
        Assert.Contains(_factory.Logs.Events, e =>
            LogCapture.Property(e, "SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware" &&
            LogCapture.Property(e, "CorrelationId") == "isolated-1");
        Assert.DoesNotContain(other.Logs.Events, e => LogCapture.Property(e, "CorrelationId") == "isolated-1");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bad id\twith spaces")]
    [InlineData("trailing-newline\n")]
    [InlineData(TooLongCorrelationId)]
    public async Task A_missing_or_unsafe_correlation_id_is_replaced_by_a_generated_one(string? supplied)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (supplied is not null)
            request.Headers.TryAddWithoutValidation("X-Correlation-ID", supplied);

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        var echoed = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_only_pages_may_load_scripts()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = await _client.GetAsync("/health/live", ct);
        var docs = await _client.GetAsync("/docs/", ct);
        var dashboard = await _client.GetAsync("/dashboard/", ct);

        foreach (var response in new[] { api, docs, dashboard })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        Assert.StartsWith("default-src 'none'", Assert.Single(api.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", Assert.Single(docs.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", Assert.Single(dashboard.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_and_dashboard_pages_load_scripts_and_styles_only_from_this_origin()
    {
        var ct = TestContext.Current.CancellationToken;
        using var ops = _factory.CreateClientWithToken(TestAuth.Ops());
        foreach (var page in new[] { "/docs/", "/dashboard/" })
        {
            var html = await ops.GetStringAsync(page, ct);
            var sources = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

            Assert.NotEmpty(sources);
            Assert.All(sources, source => Assert.DoesNotMatch("^(https?:)?//", source));
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
