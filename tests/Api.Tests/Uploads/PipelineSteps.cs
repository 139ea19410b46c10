using System.Net.Http.Json;
using System.Text.Json;

namespace Opside.Api.Tests.Uploads;

/// <summary>Waiting for a seller's pipeline: uploads and settings changes answer before their ingest and detection run.</summary>
internal static class PipelineSteps
{
    /// <summary>Waits until the seller's pipeline runs nothing, queues nothing and has no detection pending; answers the sync status.</summary>
    public static async Task<JsonElement> WaitForPipelineAsync(HttpClient seller, string sellerId)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/sync", ct);
            var pipeline = status.GetProperty("pipeline");
            if (pipeline.GetProperty("running").ValueKind == JsonValueKind.Null
                && pipeline.GetProperty("queued").GetArrayLength() == 0
                && !pipeline.GetProperty("detectionPending").GetBoolean())
                return status;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The pipeline of seller {sellerId} did not settle in time; last status: {status}");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>The upload as <c>GET …/uploads/{uploadId}</c> shows it.</summary>
    public static async Task<JsonElement> UploadAsync(HttpClient seller, string sellerId, string uploadId) =>
        await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/uploads/{uploadId}", TestContext.Current.CancellationToken);
}
