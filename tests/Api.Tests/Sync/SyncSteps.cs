using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Amazon;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Testing;

namespace Opside.Api.Tests.Sync;

/// <summary>A seller connected to the sandbox, and waiting for its syncs.</summary>
internal static class SyncSteps
{
    /// <summary>Opside settings for a fast sync against <paramref name="sandbox"/>: no cooldowns, quick polls and retries.</summary>
    public static Dictionary<string, string?> Settings(SandboxServer sandbox)
    {
        var settings = sandbox.OpsideSettings();
        settings["Amazon:ReportCooldown:NearRealTime"] = "00:00:00";
        settings["Amazon:ReportCooldown:Daily"] = "00:00:00";
        settings["Amazon:ReportPolling:InitialDelay"] = "00:00:00.050";
        settings["Amazon:Http:RetryBaseDelay"] = "00:00:00.020";
        return settings;
    }

    /// <summary>Connects the seller as <paramref name="sellingPartnerId"/>, which starts its first sync.</summary>
    public static async Task<string> ConnectAsync(HttpClient seller, SandboxServer sandbox, string sellerId, string sellingPartnerId)
    {
        var ct = TestContext.Current.CancellationToken;
        var (partner, refreshToken) = await sandbox.SelfAuthorizeAsync(sellingPartnerId, ct);
        (await seller.PutAsJsonAsync($"/api/sellers/{sellerId}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, "NA", ["ATVPDKIKX0DER"]), ct)).EnsureSuccessStatusCode();
        return refreshToken;
    }

    /// <summary>Waits until no sync runs and one has completed after <paramref name="since"/>; answers the final status.</summary>
    public static async Task<JsonElement> WaitForSyncAsync(HttpClient seller, string sellerId, DateTimeOffset since)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/sync", ct);
            var completed = status.GetProperty("lastCompletedAt");
            if (status.GetProperty("state").GetString() is "Idle" or "Failed"
                && completed.ValueKind == JsonValueKind.String && completed.GetDateTimeOffset() >= since)
                return status;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"No sync of seller {sellerId} completed in time; last status: {status}");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Waits until a call to the held sandbox <paramref name="operation"/> is waiting: the sync is provably mid-way.</summary>
    public static async Task WaitUntilHeldAsync(HttpClient sandbox, string operation)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while ((await sandbox.GetFromJsonAsync<JsonElement>($"/sandbox/holds/{operation}", ct)).GetProperty("waiting").GetInt32() == 0)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"No sync reached the held {operation} call.");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>What the sandbox serves for a seller, per data-plane source (inbound counts shipment items).</summary>
    public static async Task<Dictionary<DataSource, long>> ServedAsync(SandboxServer sandbox, string sellingPartnerId)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var summary = await http.GetFromJsonAsync<JsonElement>($"/sandbox/sellers/{sellingPartnerId}/summary", TestContext.Current.CancellationToken);
        return new()
        {
            [DataSource.Ledger] = summary.GetProperty("ledgerRows").GetInt64(),
            [DataSource.Reimbursements] = summary.GetProperty("reimbursementRows").GetInt64(),
            [DataSource.CustomerReturns] = summary.GetProperty("returnRows").GetInt64(),
            [DataSource.RemovalOrders] = summary.GetProperty("removalOrderRows").GetInt64(),
            [DataSource.InboundShipments] = summary.GetProperty("inboundShipmentItems").GetInt64(),
            [DataSource.Refunds] = summary.GetProperty("refundItems").GetInt64(),
        };
    }

    /// <summary>What the seller's data plane holds per source.</summary>
    public static async Task<Dictionary<DataSource, long>> CountsAsync(OpsideApiFactory factory, string sellerId) =>
        new(await factory.Services.GetRequiredService<IDataPlaneStore>().CountAsync(sellerId, TestContext.Current.CancellationToken));
}
