using System.Net.Http.Json;
using System.Text.Json;

namespace Opside.Sandbox.Tests;

/// <summary>Small HTTP helpers for the SP-API tests.</summary>
internal static class SpApiCalls
{
    public const string Marketplace = "ATVPDKIKX0DER";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct));

    public static async Task<string> CreateReportAsync(this HttpClient http, string type, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        var body = new Dictionary<string, object> { ["reportType"] = type, ["marketplaceIds"] = new[] { Marketplace } };
        if (start is { } s)
            body["dataStartTime"] = s.ToString("O");
        if (end is { } e)
            body["dataEndTime"] = e.ToString("O");
        var response = await http.PostAsJsonAsync("/reports/2021-06-30/reports", body, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("reportId").GetString()!;
    }

    public static async Task<JsonElement> GetReportAsync(this HttpClient http, string reportId)
    {
        var response = await http.GetAsync($"/reports/2021-06-30/reports/{reportId}", Ct);
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    public static string ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    public static string Q(string value) => Uri.EscapeDataString(value);
}
