using System.Text.Json;
using System.Text.Json.Serialization;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi;

/// <summary>Test and demo control: a seller's labels, cost catalog and row counts; scripted faults; the request log.</summary>
public static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Labels = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder endpoints)
    {
        var sellers = endpoints.MapGroup("/sandbox/sellers/{sellingPartnerId}");
        sellers.MapGet("/labels", (string sellingPartnerId, SellerRegistry registry) => Results.Json(registry.Get(sellingPartnerId).Labels, Labels));
        sellers.MapGet("/costs.csv", (string sellingPartnerId, SellerRegistry registry) =>
            Results.Text(CostCatalogCsv.Render(registry.Get(sellingPartnerId)), "text/csv", System.Text.Encoding.UTF8));
        sellers.MapGet("/summary", (string sellingPartnerId, SellerRegistry registry) => Results.Json(SellerSummary.Of(registry.Get(sellingPartnerId))));

        // Amazon paying a case the seller filed: a reimbursement row with that case id, in the next report.
        sellers.MapPost("/cases/{caseId}/payment", (string sellingPartnerId, string caseId, CasePaymentRequest request, SellerRegistry registry, TimeProvider time) =>
        {
            if (caseId.Length is 0 or > 20 || !caseId.All(char.IsAsciiDigit) || request.Units < 0 || request.InventoryUnits < 0 || request.Units + request.InventoryUnits < 1 || request.AmountPerUnit < 0)
                return Results.BadRequest(new { error = "Give a numeric case id, units and inventoryUnits of at least 0 and 1 in all, amountPerUnit of at least 0, and the fnsku." });
            var row = registry.AddReimbursement(sellingPartnerId, seller =>
            {
                var item = seller.Skus.FirstOrDefault(s => s.Fnsku == request.Fnsku);
                var id = $"9{seller.Reimbursements.Count:D10}";
                return new ReimbursementRow(request.ApprovalDate ?? time.GetUtcNow().AddMinutes(-1), id, caseId, "", request.Reason ?? "Lost_Warehouse",
                    item?.Sku ?? "", request.Fnsku, item?.Asin ?? "", item?.Title ?? "", request.AmountPerUnit, request.Units, request.InventoryUnits);
            })!;
            return Results.Json(new { reimbursementId = row.ReimbursementId, amountTotal = row.AmountTotal, approvalDate = row.ApprovalDate });
        });
        // Amazon taking back units of a payment (say, the item turned up): a reversal row in the shape real exports
        // use, without a case id, pointing at the payment it reverses.
        sellers.MapPost("/reimbursements/{reimbursementId}/reversal", (string sellingPartnerId, string reimbursementId, ReversalRequest request,
            SellerRegistry registry, TimeProvider time) =>
        {
            if (request.Units < 1)
                return Results.BadRequest(new { error = "Give units of at least 1: the cash units taken back." });
            var row = registry.AddReimbursement(sellingPartnerId, seller =>
            {
                var original = seller.Reimbursements.FirstOrDefault(r => r.ReimbursementId == reimbursementId && r.Reason != "Reimbursement_Reversal");
                return original is null ? null : new ReimbursementRow(time.GetUtcNow().AddMinutes(-1), $"9{seller.Reimbursements.Count:D10}", "", "",
                    "Reimbursement_Reversal", "Amazon.Found." + original.Asin, original.Asin, original.Asin, original.ProductName, -original.AmountPerUnit, -request.Units, 0,
                    original.ReimbursementId, original.Reason);
            });
            return row is null
                ? Results.NotFound(new { error = $"No payment {reimbursementId} to reverse." })
                : Results.Json(new { reimbursementId = row.ReimbursementId, amountTotal = row.AmountTotal, approvalDate = row.ApprovalDate });
        });
        endpoints.MapPost("/sandbox/faults", (FaultRequest request, FaultInjector faults) =>
        {
            if (request.ReportType is { Length: > 0 } reportType)
            {
                if (request.ProcessingStatus is not ("FATAL" or "CANCELLED"))
                    return Results.BadRequest(new { error = "processingStatus must be FATAL or CANCELLED." });
                faults.ForceOutcome(reportType, request.ProcessingStatus);
                return Results.NoContent();
            }

            if (request.Operation is not { Length: > 0 } operation || request.Status is not (429 or 500 or 503) || request.Count < 1)
                return Results.BadRequest(new { error = "Give an operation, a status of 429, 500 or 503 and a count of at least 1; or a reportType and a processingStatus." });
            faults.Add(operation, request.Status.Value, request.Count);
            return Results.NoContent();
        });
        endpoints.MapDelete("/sandbox/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        // A barrier for tests: calls of the operation wait until the hold is released; GET says how many arrived.
        endpoints.MapPost("/sandbox/holds/{operation}", (string operation, OperationHold hold) =>
        {
            hold.Hold(operation);
            return Results.NoContent();
        });
        endpoints.MapGet("/sandbox/holds/{operation}", (string operation, OperationHold hold) => Results.Json(new { waiting = hold.Waiting(operation) }));
        endpoints.MapDelete("/sandbox/holds", (OperationHold hold) =>
        {
            hold.ReleaseAll();
            return Results.NoContent();
        });

        endpoints.MapGet("/sandbox/requests", (string? operation, RequestLog log) =>
        {
            var requests = log.Snapshot().Where(r => operation is null || string.Equals(r.Operation, operation, StringComparison.OrdinalIgnoreCase)).ToList();
            return Results.Json(new
            {
                counts = requests.GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count()),
                requests,
            });
        });
        endpoints.MapDelete("/sandbox/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        return endpoints;
    }

    /// <summary>A reversal: <see cref="Units"/> cash units of a payment taken back, at the payment's amount per unit.</summary>
    public sealed record ReversalRequest(int Units);

    /// <summary>A payment on a case: <see cref="Units"/> paid in cash at <see cref="AmountPerUnit"/>, <see cref="InventoryUnits"/> given back in kind.</summary>
    public sealed record CasePaymentRequest(string Fnsku, int Units, decimal AmountPerUnit, int InventoryUnits = 0, string? Reason = null, DateTimeOffset? ApprovalDate = null);

    /// <summary>A scripted fault: <see cref="Count"/> responses of <see cref="Status"/> for <see cref="Operation"/>, or a forced report outcome.</summary>
    public sealed record FaultRequest(string? Operation, int? Status, int Count = 1, string? ReportType = null, string? ProcessingStatus = null);
}
