using Opside.Grains.Claims;

namespace Opside.Api.Claims.Cases;

/// <summary>The case as plain text, in the order a Seller Central form asks for it.</summary>
internal static class CaseText
{
    // A case lists its rows for a person to check; a claim with more (a lot made of many ledger rows) says how many more.
    private const int MaxSourceRows = 50;

    public static string Render(string subject, IReadOnlyList<string> statement, IReadOnlyList<CaseDetail> details,
        IReadOnlyList<CaseAttachment> attach, IReadOnlyList<ClaimEvidenceRow> rows, string claimId)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(subject).AppendLine();
        foreach (var paragraph in statement)
            text.AppendLine(paragraph).AppendLine();
        text.AppendLine("Details");
        foreach (var detail in details)
            text.Append("- ").Append(detail.Label).Append(": ").AppendLine(detail.Value);
        text.AppendLine().AppendLine("Attach");
        foreach (var document in attach)
            text.Append("- ").Append(document.Document).Append(" — ").AppendLine(document.Why);
        text.AppendLine().AppendLine("Source rows");
        foreach (var row in rows.Take(MaxSourceRows))
            text.Append("- ").Append(row.Source).Append(": ")
                .AppendLine(string.Join("; ", row.Fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Name} {f.Value}")));
        if (rows.Count > MaxSourceRows)
            text.Append("- and ").Append(rows.Count - MaxSourceRows).AppendLine(" more rows in the claim's evidence");
        text.AppendLine().Append("Opside claim ").AppendLine(claimId);
        return text.ToString();
    }
}
