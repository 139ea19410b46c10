using Opside.Detection;
using Opside.Grains.Claims;

namespace Opside.Api.Claims.Cases;

/// <summary>
/// The fields a case states, read from a claim's evidence rows by the column names each source prints
/// (docs/claim-rules.md, the inputs): empty values count as absent, and a fact seen in several rows is listed once.
/// </summary>
internal sealed class CaseEvidence(IReadOnlyList<ClaimEvidenceRow> rows, string fnsku)
{
    public IReadOnlyList<ClaimEvidenceRow> Rows => rows;

    public IEnumerable<ClaimEvidenceRow> From(string source) => rows.Where(r => r.Source == source);

    public static string? Field(ClaimEvidenceRow row, string name) =>
        row.Fields.FirstOrDefault(f => f.Name == name)?.Value is { Length: > 0 } value ? value : null;

    public string? First(string source, string name) => From(source).Select(r => Field(r, name)).FirstOrDefault(v => v is not null);

    public IReadOnlyList<string> Distinct(string source, string name) =>
        [.. From(source).Select(r => Field(r, name)).OfType<string>().Distinct(StringComparer.Ordinal)];

    public int Sum(string source, string name) =>
        From(source).Sum(r => int.TryParse(Field(r, name), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0);

    /// <summary>The claim's ASIN, from a row of its own FNSKU: an inbound claim's receipt row may be another item's.</summary>
    public string? Asin => OfItem("ASIN", "asin");

    public string? Product => OfItem("Title", "product-name");

    private string? OfItem(string ledgerColumn, string reportColumn) => rows
        .Where(r => (Field(r, "FNSKU") ?? Field(r, "fnsku")) == fnsku)
        .Select(r => Field(r, r.Source == EvidenceSources.LedgerReport ? ledgerColumn : reportColumn))
        .FirstOrDefault(v => v is not null);

    public IReadOnlyList<string> FulfillmentCenters =>
        [.. Distinct(EvidenceSources.LedgerReport, "Fulfillment Center").Concat(Distinct(EvidenceSources.ReturnsReport, "fulfillment-center-id")).Distinct(StringComparer.Ordinal)];

    /// <summary>The cost catalog row detection valued the claim with, when the seller's catalog had one.</summary>
    public ClaimEvidenceRow? Cost => From(EvidenceSources.CostCatalog).FirstOrDefault();
}
