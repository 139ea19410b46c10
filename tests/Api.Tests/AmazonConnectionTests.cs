using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Opside.Api.Amazon;
using Microsoft.Extensions.DependencyInjection;
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
        using var seller = _factory.CreateBrowser(token);

        var (link, setCookie) = await AmazonSteps.AuthorizeAsync(seller, account.SellerId, ct);
        var callback = await AmazonSteps.ConsentPageAsync(link, ct);
        var answer = await seller.GetAsync(callback, ct);
        // The same browser again: the callback used its cookie up.
        var replay = await seller.GetAsync(callback, ct);
        // A browser that kept the cookie anyway: the state itself is used up.
        var kept = await CallbackWithCookieAsync(callback, AmazonSteps.CookieValue(setCookie), ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"{FrontEnd}?connected=true", answer.Headers.Location?.ToString());
        Assert.Equal($"{FrontEnd}?error=wrong_browser", replay.Headers.Location?.ToString());
        Assert.Equal($"{FrontEnd}?error=invalid_state", kept.Headers.Location?.ToString());
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
    public async Task The_consent_cookie_is_HttpOnly_Secure_Lax_and_sent_only_to_the_callback()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateBrowser(token);

        var (link, setCookie) = await AmazonSteps.AuthorizeAsync(seller, account.SellerId, ct);

        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/api/amazon/callback", attributes);
        // The link carries the nonce's hash, never the nonce itself.
        var nonce = AmazonSteps.CookieValue(setCookie)[(setCookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(nonce, link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_link_opened_in_another_browser_connects_nothing_and_the_initiating_browser_still_can()
    {
        var ct = TestContext.Current.CancellationToken;
        var (attacker, attackerToken) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var attackerBrowser = _factory.CreateBrowser(attackerToken);
        // The victim's browser has its own cookie jar, and first visits every Opside URL the link could name.
        using var victimBrowser = _factory.CreateBrowser();

        var link = await AmazonSteps.LinkAsync(attackerBrowser, attacker.SellerId, ct);
        foreach (var visit in new[] { "/", "/docs/", "/signin", ConsentBrowserBinding.CallbackPath, $"/api/sellers/{attacker.SellerId}/amazon/connection" })
            await victimBrowser.GetAsync(visit, ct);
        var callback = await AmazonSteps.ConsentPageAsync(link, ct);
        var victim = await victimBrowser.GetAsync(callback, ct);

        Assert.Equal($"{FrontEnd}?error=wrong_browser", victim.Headers.Location?.ToString());
        Assert.False((await attackerBrowser.GetFromJsonAsync<JsonElement>($"/api/sellers/{attacker.SellerId}/amazon/connection", ct)).GetProperty("connected").GetBoolean());

        // The refusal spent neither the state nor the code: in the browser that asked for the link, it connects.
        var own = await attackerBrowser.GetAsync(callback, ct);
        Assert.Equal($"{FrontEnd}?connected=true", own.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Made_up_states_activate_no_consent_grain_and_run_into_the_callback_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = _sandbox.OpsideSettings();
        settings["Amazon:FrontEndUrl"] = FrontEnd;
        settings["RateLimits:ConsentCallbackPermitLimit"] = "20";
        await using var factory = new OpsideApiFactory(settings);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"/api/amazon/callback?state={Guid.NewGuid():N}{Guid.NewGuid():N}&selling_partner_id=A1&spapi_oauth_code=ANx");
            // Half of them bring a cookie of their own: a cookie alone does not open the door either.
            if (i % 2 == 0)
                request.Headers.Add("Cookie", $"{ConsentBrowserBinding.CookieName}={Guid.NewGuid():N}");
            using var response = await client.SendAsync(request, ct);
            answers.Add(response.StatusCode);
        }

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.Redirect));
        Assert.Equal(980, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics(ct);
        Assert.DoesNotContain(statistics, s => s.GrainType.Contains("Consent", StringComparison.OrdinalIgnoreCase) && s.ActivationCount > 0);
    }

    [Fact]
    public async Task A_forged_state_or_a_refused_code_connects_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_anonymous);
        using var seller = _factory.CreateBrowser(token);

        var forged = await seller.GetAsync("/api/amazon/callback?state=forged&selling_partner_id=A1&spapi_oauth_code=ANx", ct);
        var link = await AmazonSteps.LinkAsync(seller, account.SellerId, ct);
        var state = QueryHelpers.ParseQuery(link.Query)["state"].ToString();
        var refused = await seller.GetAsync($"/api/amazon/callback?state={state}&selling_partner_id=A1&spapi_oauth_code=ANnot-issued", ct);

        Assert.Equal($"{FrontEnd}?error=wrong_browser", forged.Headers.Location?.ToString());
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
        using var seller = factory.CreateBrowser(token);

        var (link, setCookie) = await AmazonSteps.AuthorizeAsync(seller, account.SellerId, ct);
        var callback = await AmazonSteps.ConsentPageAsync(link, ct);
        // Let the one-second state lapse; the code itself is still valid, only the state is stale. The cookie is
        // sent as a browser with a slow clock would, so that it is the state's expiry that refuses.
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var answer = await CallbackWithCookieAsync(factory, callback, AmazonSteps.CookieValue(setCookie), ct);

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
        Assert.Contains(contents, bytes => bytes.AsSpan().IndexOf("\"ProtectedRefreshToken\":\"v2."u8) >= 0);
        Assert.DoesNotContain(_factory.Logs.Events, e => e.RenderMessage().Contains(refreshToken, StringComparison.Ordinal) ||
            e.Properties.Values.Any(v => v.ToString().Contains(refreshToken, StringComparison.Ordinal)));
    }

    private Task<HttpResponseMessage> CallbackWithCookieAsync(string callback, string cookie, CancellationToken ct) =>
        CallbackWithCookieAsync(_factory, callback, cookie, ct);

    /// <summary>The callback from a client that sends exactly <paramref name="cookie"/>, whatever any jar would.</summary>
    private static async Task<HttpResponseMessage> CallbackWithCookieAsync(OpsideApiFactory factory, string callback, string cookie, CancellationToken ct)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, callback);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, ct);
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
