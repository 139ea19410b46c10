using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Opside.Api.Amazon;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Connecting Amazon through the sandbox over real HTTP: consent, callback, self-authorisation, and the token at rest.</summary>
public sealed class AmazonConnectionTests : IAsyncLifetime
{
    private const string FrontEnd = "https://app.opside.test/connected";

    private SandboxServer _sandbox = null!;
    private OpsideApiFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var settings = _sandbox.OpsideSettings();
        settings["Amazon:FrontEndUrl"] = FrontEnd;
        settings["Amazon:RedirectUri"] = "http://localhost/api/amazon/callback";
        _factory = new OpsideApiFactory(settings);
        _anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _factory.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task The_consent_flow_connects_the_seller_and_a_replayed_callback_connects_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);

        var callback = await AmazonSteps.ConsentAsync(seller, account.SellerId, ct);
        var answer = await _anonymous.GetAsync(callback, ct);
        var replay = await _anonymous.GetAsync(callback, ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"{FrontEnd}?connected=true", answer.Headers.Location?.ToString());
        Assert.Equal($"{FrontEnd}?error=invalid_state", replay.Headers.Location?.ToString());
        var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct);
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal("A1SANDBOXDEMO01", status.GetProperty("sellingPartnerId").GetString());
        Assert.Equal("NA", status.GetProperty("region").GetString());
        Assert.Equal("Website", status.GetProperty("method").GetString());
        Assert.DoesNotContain("token", status.GetRawText(), StringComparison.OrdinalIgnoreCase);
        // The used state keeps nothing behind: its stored content is erased and its expiry reminder is gone.
        var state = QueryHelpers.ParseQuery(new Uri("http://host" + callback).Query)["state"].ToString();
        Assert.Equal(0, await ConsentRowsAsync(state, ct));
    }

    [Fact]
    public async Task A_consent_link_names_the_app_a_fresh_state_and_beta_only_for_draft_apps()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);

        var first = await AmazonSteps.LinkAsync(seller, account.SellerId, ct);
        var second = await AmazonSteps.LinkAsync(seller, account.SellerId, ct);

        var query = QueryHelpers.ParseQuery(first.Query);
        Assert.StartsWith(_sandbox.BaseAddress + "apps/authorize/consent", first.ToString(), StringComparison.Ordinal);
        Assert.Equal("amzn1.sp.solution.sandbox", query["application_id"].ToString());
        Assert.False(query.ContainsKey("version"));
        Assert.NotEqual(query["state"].ToString(), QueryHelpers.ParseQuery(second.Query)["state"].ToString());
        Assert.True(query["state"].ToString().Length >= 43);
    }

    [Fact]
    public async Task A_forged_state_or_a_refused_code_connects_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);

        var forged = await _anonymous.GetAsync("/api/amazon/callback?state=forged&selling_partner_id=A1&spapi_oauth_code=ANx", ct);
        var link = await AmazonSteps.LinkAsync(seller, account.SellerId, ct);
        var state = QueryHelpers.ParseQuery(link.Query)["state"].ToString();
        var refused = await _anonymous.GetAsync($"/api/amazon/callback?state={state}&selling_partner_id=A1&spapi_oauth_code=ANnot-issued", ct);

        Assert.Equal($"{FrontEnd}?error=invalid_state", forged.Headers.Location?.ToString());
        Assert.Equal($"{FrontEnd}?error=authorization_refused", refused.Headers.Location?.ToString());
        Assert.False((await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task An_expired_state_connects_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = _sandbox.OpsideSettings();
        settings["Amazon:FrontEndUrl"] = FrontEnd;
        settings["Amazon:RedirectUri"] = "http://localhost/api/amazon/callback";
        settings["Amazon:ConsentLifetime"] = "00:00:01";
        await using var factory = new OpsideApiFactory(settings);
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var seller = factory.CreateClientWithToken(token);

        var callback = await AmazonSteps.ConsentAsync(seller, account.SellerId, ct);
        // Let the one-second state lapse; the code itself is still valid, only the state is stale.
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var answer = await anonymous.GetAsync(callback, ct);

        Assert.Equal($"{FrontEnd}?error=invalid_state", answer.Headers.Location?.ToString());
        Assert.False((await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task A_self_authorised_token_is_checked_against_lwa_before_it_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A2SELFAUTH", ct);

        var refused = await seller.PutAsJsonAsync($"/api/sellers/{account.SellerId}/amazon/connection",
            new ConnectionRequest("Atzr|never-issued", partner, "NA", ["ATVPDKIKX0DER"]), ct);
        var missingRegion = await seller.PutAsJsonAsync($"/api/sellers/{account.SellerId}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, "XX", ["ATVPDKIKX0DER"]), ct);
        Assert.False((await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct)).GetProperty("connected").GetBoolean());
        var accepted = await seller.PutAsJsonAsync($"/api/sellers/{account.SellerId}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, "na", ["ATVPDKIKX0DER"]), ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingRegion.StatusCode);
        Assert.Contains("region", await missingRegion.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct);
        Assert.Equal("SelfAuthorized", status.GetProperty("method").GetString());
        Assert.Equal("NA", status.GetProperty("region").GetString());
    }

    [Fact]
    public async Task The_refresh_token_is_nowhere_in_the_sqlite_files_or_the_logs()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateClientWithToken(token);
        var (partner, refreshToken) = await _sandbox.SelfAuthorizeAsync("A3ATREST", ct);

        (await seller.PutAsJsonAsync($"/api/sellers/{account.SellerId}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, "NA", ["ATVPDKIKX0DER"]), ct)).EnsureSuccessStatusCode();

        var needle = Encoding.UTF8.GetBytes(refreshToken);
        var secretPart = Encoding.UTF8.GetBytes(refreshToken["Atzr|".Length..]);
        // The database and its write-ahead log; the .lock file holds no data (and is held exclusively).
        var files = Directory.GetFiles(_factory.DataDirectory, "opside.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        var contents = new List<byte[]>();
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file, ct);
            Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"{file} holds the refresh token");
            Assert.False(bytes.AsSpan().IndexOf(secretPart) >= 0, $"{file} holds the refresh token");
            contents.Add(bytes);
        }

        // And the encrypted form is there: the assertion above is not vacuous.
        Assert.Contains(contents, bytes => bytes.AsSpan().IndexOf("\"ProtectedRefreshToken\":\"v1."u8) >= 0);
        Assert.DoesNotContain(_factory.Logs.Events, e => e.RenderMessage().Contains(refreshToken, StringComparison.Ordinal) ||
            e.Properties.Values.Any(v => v.ToString().Contains(refreshToken, StringComparison.Ordinal)));
    }

    private static async Task<byte[]> ReadSharedAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>What one consent state still holds in the SQLite file: a stored payload, and reminders.</summary>
    private async Task<long> ConsentRowsAsync(string state, CancellationToken ct)
    {
        var file = Path.Combine(_factory.DataDirectory, "opside.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM grain_state WHERE grain_type = 'amazon-consent' AND grain_key = $state AND payload_json IS NOT NULL)
                 + (SELECT count(*) FROM reminders WHERE grain_id LIKE '%' || $state || '%');
            """;
        command.Parameters.AddWithValue("$state", state);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
