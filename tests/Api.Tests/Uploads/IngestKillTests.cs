using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Opside.Api.Tests.Claims;
using Opside.Sandbox.Synthetic;
using Opside.Testing;

namespace Opside.Api.Tests.Uploads;

/// <summary>
/// The API process killed (SIGKILL) while the seller's pipeline ingests an upload: after a restart on the same data
/// the upload completes by itself, exactly once, and the seller's stored rows and claims equal those of a seller that
/// uploaded the same file without a kill. A real process, since nothing in-process dies the way a killed one does.
/// </summary>
public sealed class IngestKillTests
{
    internal const string Ledger = "GET_LEDGER_DETAIL_VIEW_DATA";
    internal const int Rows = 400_000;

    [Fact]
    public async Task An_ingest_cut_short_by_a_kill_completes_once_after_the_restart_as_a_clean_upload_does()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        var file = LedgerFile(Rows);
        string cleanSeller, killedSeller, killedToken, uploadId;
        List<string> cleanClaims;

        await using (var api = await StartApiAsync(data.Path, ct))
        {
            using var anonymous = api.Client();
            var (clean, cleanToken) = await AccountSteps.RegisterSellerAsync(anonymous);
            (var killed, killedToken) = await AccountSteps.RegisterSellerAsync(anonymous);
            (cleanSeller, killedSeller) = (clean.SellerId, killed.SellerId);
            using var cleanClient = api.Client(cleanToken);
            using var killedClient = api.Client(killedToken);

            var reference = await UploadAsync(cleanClient, cleanSeller, file);
            await PipelineSteps.WaitForPipelineAsync(cleanClient, cleanSeller);
            Assert.Equal("Completed", (await PipelineSteps.UploadAsync(cleanClient, cleanSeller, reference)).GetProperty("status").GetString());
            cleanClaims = Describe(await ClaimSteps.AllClaimsAsync(cleanClient, cleanSeller));

            uploadId = await UploadAsync(killedClient, killedSeller, file);
            await WaitForStatusAsync(killedClient, killedSeller, uploadId, "Ingesting", TimeSpan.FromSeconds(100));
            api.Kill();
        }

        var killedAt = DateTimeOffset.UtcNow;

        await using (var api = await StartApiAsync(data.Path, ct))
        {
            // The same signing keys: the token from before the kill still holds.
            using var killedClient = api.Client(killedToken);
            // Nobody asks the pipeline to go on: its resume reminder brings it back.
            var done = await WaitForStatusAsync(killedClient, killedSeller, uploadId, "Completed", TimeSpan.FromMinutes(3));
            await PipelineSteps.WaitForPipelineAsync(killedClient, killedSeller);

            Assert.Equal(Rows, done.GetProperty("rows").GetInt64());
            Assert.True(done.GetProperty("completedAt").GetDateTimeOffset() > killedAt, done.GetRawText());
            Assert.Equal(cleanClaims, Describe(await ClaimSteps.AllClaimsAsync(killedClient, killedSeller)));
        }

        var cleanRows = StoredLedger(data.Path, cleanSeller);
        Assert.Equal(Rows, cleanRows.Count);
        Assert.Equal(cleanRows, StoredLedger(data.Path, killedSeller));
    }

    internal static async Task<string> UploadAsync(HttpClient seller, string sellerId, byte[] gzip)
    {
        using var body = new ByteArrayContent(gzip);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/tab-separated-values; charset=UTF-8");
        body.Headers.ContentEncoding.Add("gzip");
        using var response = await seller.PostAsync($"/api/sellers/{sellerId}/reports/{Ledger}", body, TestContext.Current.CancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, answer.GetRawText());
        Assert.Equal((Rows, 0), (answer.GetProperty("rows").GetInt32(), answer.GetProperty("rejectedRows").GetInt32()));
        return answer.GetProperty("uploadId").GetString()!;
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient seller, string sellerId, string uploadId, string expected, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var upload = await PipelineSteps.UploadAsync(seller, sellerId, uploadId);
            var status = upload.GetProperty("status").GetString();
            if (status == expected)
                return upload;
            Assert.True(status is "Staged" or "Ingesting", $"The upload went {status} while waiting for {expected}: {upload}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The upload did not reach {expected} in {timeout}; last: {upload}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Each claim by what it claims (not its seller or id), in a stable order.</summary>
    internal static List<string> Describe(IEnumerable<JsonElement> claims) => [.. claims.Select(ClaimSteps.Describe).Order(StringComparer.Ordinal)];

    /// <summary>Every stored ledger row of the seller, read from the SQLite file, in a stable order.</summary>
    private static List<string> StoredLedger(string dataDirectory, string sellerId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "opside.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM ledger_events WHERE seller_id = $seller";
        command.Parameters.AddWithValue("$seller", sellerId);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("seller_id" or "id" or "rowid"))
                .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}");
            rows.Add(string.Join('|', fields));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>
    /// A gzip ledger of <paramref name="rows"/> shipments, returns and losses over the last 300 days: large enough that
    /// its ingest lasts long enough to be caught mid-way.
    /// </summary>
    internal static byte[] LedgerFile(int rows)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.Write(string.Join('\t', ReportRenderer.LedgerHeader.Select(h => $"\"{h}\"")) + "\n");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < rows; i++)
            {
                var day = today.AddDays(-1 - (i % 300));
                var sku = i % 400;
                var (eventType, quantity, reason) = (i % 50) switch
                {
                    0 => ("Adjustments", "-1", "M"),
                    1 => ("CustomerReturns", "1", ""),
                    _ => ("Shipments", "-1", ""),
                };
                string[] fields =
                [
                    day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), $"X00KILL{sku:D4}", $"B0KILL{sku:D4}", $"KILL-SKU-{sku:D4}",
                    $"Test item {sku}", eventType, $"REF{i:D9}", quantity, "PHX7", "SELLABLE", reason, "US", "", "",
                    day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00-0800", "",
                ];
                writer.Write(string.Join('\t', fields.Select(f => $"\"{f}\"")) + "\n");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The API as its own process (<c>dotnet Opside.Api.dll</c>), single node on SQLite in the given folder.</summary>
    private static Task<HostProcess> StartApiAsync(string dataDirectory, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(TestAuth.Settings())
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Cluster:Provider"] = "Localhost",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["RateLimits:AuthPermitLimit"] = "10000",
            // The test polls an upload's status every few milliseconds to catch its ingest mid-way.
            ["RateLimits:UserPermitLimit"] = "1000000",
            ["Uploads:MaxBytes"] = "67108864",
        };
        return HostProcess.StartAsync("Opside.Api.dll", "Production", settings, ct);
    }
}
