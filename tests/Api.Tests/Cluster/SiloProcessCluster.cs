using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests.Cluster;

/// <summary>
/// Silos as child processes (<c>dotnet Opside.Silo.dll</c>, Production) on one PostgreSQL database with membership in
/// it, and the API in this process as their Orleans client: the deployment of docs/operations.md on loopback.
/// </summary>
internal sealed class SiloProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan ClusterFormTimeout = TimeSpan.FromSeconds(90);

    private readonly List<(int SiloPort, HostProcess Process)> _silos;

    private SiloProcessCluster(List<(int, HostProcess)> silos, OpsideApiFactory api) => (_silos, Api) = (silos, api);

    public OpsideApiFactory Api { get; }

    /// <summary>Starts <paramref name="silos"/> silo processes and the API as a client, and waits until the API sees them all active.</summary>
    public static async Task<SiloProcessCluster> StartAsync(int silos, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var started = new List<(int, HostProcess)>();
        try
        {
            foreach (var _ in Enumerable.Range(0, silos))
            {
                var siloPort = FreePort.Next();
                var silo = new Dictionary<string, string?>(settings)
                {
                    ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                    ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                    ["AllowedHosts"] = "127.0.0.1",
                };
                started.Add((siloPort, await HostProcess.StartAsync("Opside.Silo.dll", "Production", silo, ct)));
            }

            var api = new OpsideApiFactory(new Dictionary<string, string?>(settings) { ["Orleans:Role"] = "Client" });
            var cluster = new SiloProcessCluster(started, api);
            using var client = api.CreateClient();
            await WaitForActiveSilosAsync(client, silos, ct);
            return cluster;
        }
        catch
        {
            foreach (var (_, process) in started)
                await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo port of every silo process still running.</summary>
    public IEnumerable<int> RunningSiloPorts => _silos.Where(s => !s.Process.HasExited).Select(s => s.SiloPort);

    /// <summary>SIGKILLs the silo listening on <paramref name="siloPort"/>.</summary>
    public void Kill(int siloPort) => _silos.Single(s => s.SiloPort == siloPort).Process.Kill();

    /// <summary>What each silo process wrote last, for a failure message.</summary>
    public string Output() => string.Join("\n", _silos.Select(s => $"--- silo {s.SiloPort} ---\n{s.Process.Output()}"));

    /// <summary>Waits until <c>/health/ready</c> of the API reports <paramref name="expected"/> active silos.</summary>
    public static async Task<JsonElement> WaitForActiveSilosAsync(HttpClient client, int expected, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ClusterFormTimeout);
        var last = "";
        try
        {
            while (true)
            {
                var response = await client.GetAsync("/health/ready", timeout.Token);
                last = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = JsonDocument.Parse(last).RootElement;
                    if (body.GetProperty("checks").GetProperty("cluster").GetProperty("data").GetProperty("activeSilos").GetInt32() == expected)
                        return body;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"/health/ready did not report {expected} active silos within {ClusterFormTimeout}; last answer: {last}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        foreach (var (_, process) in _silos)
            await process.DisposeAsync();
    }
}
