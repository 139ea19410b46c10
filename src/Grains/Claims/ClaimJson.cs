using System.Globalization;
using System.Text;
using System.Text.Json;
using Opside.DataPlane.Claims;

namespace Opside.Grains.Claims;

/// <summary>
/// A claim as the API answers it (api-contract.md, "Claims"), written once when the grain projects it, so the read
/// model serves it as stored: dates yyyy-MM-dd, money {amount, currency} or null, evidence [{source, row}], history.
/// </summary>
internal static class ClaimJson
{
    public static ClaimRecord ToRecord(ClaimSnapshot claim)
    {
        var f = claim.Facts;
        return new ClaimRecord(f.SellerId, claim.ClaimId, f.Type, claim.Status.ToString(), f.AnchorDate, f.WindowCloses,
            f.EstimatedValue?.Amount, f.EstimatedValue?.Currency, claim.Version, Write(claim));
    }

    public static string Write(ClaimSnapshot claim)
    {
        var f = claim.Facts;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", claim.ClaimId);
            w.WriteString("sellerId", f.SellerId);
            w.WriteString("type", f.Type);
            w.WriteString("status", claim.Status.ToString());
            w.WriteString("fnsku", f.Fnsku);
            w.WriteString("sku", f.Sku);
            w.WriteString("orderId", f.OrderId);
            w.WriteString("shipmentId", f.ShipmentId);
            w.WriteString("removalOrderId", f.RemovalOrderId);
            w.WriteString("reimbursementId", f.ReimbursementId);
            w.WriteString("anchorDate", Day(f.AnchorDate));
            w.WriteString("windowOpens", Day(f.WindowOpens));
            w.WriteString("windowCloses", Day(f.WindowCloses));
            w.WriteNumber("units", f.Units);
            if (f.EstimatedValue is { } value)
            {
                w.WriteStartObject("estimatedValue");
                w.WriteNumber("amount", value.Amount);
                w.WriteString("currency", value.Currency);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("estimatedValue");
            }

            w.WriteStartArray("evidence");
            foreach (var row in f.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("source", row.Source);
                w.WriteStartObject("row");
                foreach (var field in row.Fields)
                    w.WriteString(field.Name, field.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("history");
            foreach (var entry in claim.History)
            {
                w.WriteStartObject();
                w.WriteString("at", entry.At);
                w.WriteString("from", entry.From?.ToString());
                w.WriteString("to", entry.To.ToString());
                w.WriteString("by", entry.By);
                w.WriteString("note", entry.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
