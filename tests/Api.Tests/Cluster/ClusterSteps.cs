using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Opside.Api.Tests.Cluster;

/// <summary>Finding where grains live, and reading the API while the cluster loses a silo.</summary>
internal static class ClusterSteps
{
    /// <summary>The silo port of the silo each seller's pipeline grain is active on (sellers without an activation are left out).</summary>
    public static async Task<Dictionary<string, int>> PipelineSilosAsync(OpsideApiFactory api, IEnumerable<string> sellerIds)
    {
        var wanted = sellerIds.ToHashSet(StringComparer.Ordinal);
        var management = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var activations = await management.GetDetailedGrainStatistics();
        return activations
            .Where(a => a.GrainId.Type.ToString() == "seller-sync" && wanted.Contains(a.GrainId.Key.ToString()!))
            .ToDictionary(a => a.GrainId.Key.ToString()!, a => a.SiloAddress.Endpoint.Port, StringComparer.Ordinal);
    }

    /// <summary>When membership no longer lists the silo on <paramref name="siloPort"/> as active.</summary>
    public static async Task<DateTimeOffset> WaitUntilDeclaredDeadAsync(OpsideApiFactory api, int siloPort)
    {
        var management = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if ((await management.GetHosts(onlyActive: true)).Keys.All(silo => silo.Endpoint.Port != siloPort))
                    return DateTimeOffset.UtcNow;
            }
            catch (Exception ex) when (Opside.Grains.Errors.SiloLoss.Is(ex) || ex is TimeoutException)
            {
                // The management grain itself may have been on the dead silo.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo on port {siloPort} was not declared dead within 3 minutes.");
    }

    /// <summary>
    /// The kill's figures, in the test's diagnostics and, when <c>OPSIDE_SILO_KILL_REPORT</c> names a file, as a
    /// tab-separated line appended to it (bench/silo-kill.sh runs the kill tests and summarises those lines).
    /// </summary>
    public static void Report(string scenario, int onKilledSilo, int pipelines, TimeSpan declaredDead, TimeSpan lastCompleted, int unavailable)
    {
        var line = string.Join('\t', scenario, onKilledSilo, pipelines, declaredDead.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            lastCompleted.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), unavailable);
        TestContext.Current.SendDiagnosticMessage($"silo kill ({scenario}): {onKilledSilo} of {pipelines} pipelines on the killed silo, declared dead after " +
            $"{declaredDead.TotalSeconds:0.0} s, last completion {lastCompleted.TotalSeconds:0.0} s after the kill, {unavailable} answers 503");
        if (Environment.GetEnvironmentVariable("OPSIDE_SILO_KILL_REPORT") is { Length: > 0 } file)
            File.AppendAllText(file, line + "\n");
    }

    /// <summary>
    /// Reads the API while a silo is lost: a 503 with Retry-After is what a client may see then, and is waited out;
    /// any other failure (a 500 above all) is kept in <see cref="Unexpected"/>.
    /// </summary>
    public sealed class SiloLossWatch
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

        public List<string> Unexpected { get; } = [];

        public int Unavailable { get; private set; }

        /// <summary>Waits until no sync runs and one completed after <paramref name="since"/>; answers the final status.</summary>
        public async Task<JsonElement> WaitForSyncAsync(HttpClient seller, string sellerId, DateTimeOffset since)
        {
            var deadline = DateTimeOffset.UtcNow + Timeout;
            JsonElement? last = null;
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (await GetAsync(seller, $"/api/sellers/{sellerId}/sync") is { } status)
                {
                    last = status;
                    var completed = status.GetProperty("lastCompletedAt");
                    if (status.GetProperty("state").GetString() is "Idle" or "Failed"
                        && completed.ValueKind == JsonValueKind.String && completed.GetDateTimeOffset() >= since)
                        return status;
                }

                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            throw new TimeoutException($"No sync of seller {sellerId} completed within {Timeout} after the kill; last status: {last}; unexpected answers: {string.Join("; ", Unexpected)}");
        }

        /// <summary>The JSON of the first 200 for <paramref name="path"/>, waiting out 503s.</summary>
        public async Task<JsonElement> GetEventuallyAsync(HttpClient client, string path)
        {
            var deadline = DateTimeOffset.UtcNow + Timeout;
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (await GetAsync(client, path) is { } answer)
                    return answer;
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }

            throw new TimeoutException($"GET {path} did not answer 200 within {Timeout}; unexpected answers: {string.Join("; ", Unexpected)}");
        }

        /// <summary>Waits until the seller's pipeline runs nothing, queues nothing and has no detection pending.</summary>
        public async Task WaitForPipelineAsync(HttpClient seller, string sellerId)
        {
            var deadline = DateTimeOffset.UtcNow + Timeout;
            while (true)
            {
                var pipeline = (await GetEventuallyAsync(seller, $"/api/sellers/{sellerId}/sync")).GetProperty("pipeline");
                if (pipeline.GetProperty("running").ValueKind == JsonValueKind.Null && pipeline.GetProperty("queued").GetArrayLength() == 0
                    && !pipeline.GetProperty("detectionPending").GetBoolean())
                    return;
                if (DateTimeOffset.UtcNow > deadline)
                    throw new TimeoutException($"The pipeline of seller {sellerId} did not settle within {Timeout}: {pipeline}");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        /// <summary>Every claim of the seller, page by page, waiting out 503s.</summary>
        public async Task<List<JsonElement>> AllClaimsAsync(HttpClient seller, string sellerId)
        {
            var claims = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var answer = await GetEventuallyAsync(seller, $"/api/sellers/{sellerId}/claims?page={page}&pageSize=100");
                var items = answer.GetProperty("items").EnumerateArray().ToList();
                claims.AddRange(items);
                if (items.Count == 0 || claims.Count >= answer.GetProperty("total").GetInt64())
                    return claims;
            }
        }

        /// <summary>The JSON of a 200, or null for a 503 with Retry-After (or an unexpected answer, which is kept).</summary>
        public async Task<JsonElement?> GetAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
                return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                Unavailable++;
            else
                Unexpected.Add($"{(int)response.StatusCode} {path}: {body}");
            return null;
        }
    }
}
