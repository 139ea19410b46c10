using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Opside.Testing;

/// <summary>
/// An Opside host (<c>dotnet Opside.Api.dll</c>, <c>dotnet Opside.Silo.dll</c>) as a child process listening on a free
/// loopback port, for tests that must kill one: nothing in-process dies the way a SIGKILLed process does.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address) => (_process, Address) = (process, address);

    /// <summary>The host's HTTP address.</summary>
    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="assembly"/> (a file next to the test assembly) in <paramref name="environment"/> with
    /// <paramref name="settings"/> on its command line, and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string assembly, string environment, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value ?? "");
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster, as the OOM killer or a node loss ends a process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The last lines the process wrote (about 64 KiB), to say why it failed.</summary>
    public string Output()
    {
        lock (_output)
            return _output.ToString();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            if (line is null)
                return;
            if (_output.Length > 64 * 1024)
                _output.Remove(0, _output.Length / 2);
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = Client();
        var deadline = DateTimeOffset.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The host process exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                if ((await client.GetAsync("/health/ready", ct)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The host process was not ready in {ReadyTimeout}:\n{Output()}");
            await Task.Delay(200, ct);
        }
    }
}
