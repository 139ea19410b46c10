using nietras.SeparatedValues;

namespace Opside.DataPlane.Reports;

/// <summary>Where a parser's columns are in one document, found by header name (trimmed, case-insensitive).</summary>
internal sealed class ReportLayout
{
    private readonly IReadOnlyList<ReportColumn> _columns;
    private readonly int[] _fieldIndex;

    private ReportLayout(IReadOnlyList<ReportColumn> columns, int[] fieldIndex, int fieldCount)
    {
        _columns = columns;
        _fieldIndex = fieldIndex;
        FieldCount = fieldCount;
    }

    /// <summary>How many fields the header has, so every row must have.</summary>
    public int FieldCount { get; }

    /// <exception cref="ReportFormatException">A required column is missing; the message names the report and every missing column.</exception>
    public static ReportLayout Resolve(string reportType, IReadOnlyList<ReportColumn> columns, SepReaderHeader header)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.ColNames.Count; i++)
        {
            // Some exports pad header names ("service-speed "); the first of two equal names wins.
            byName.TryAdd(header.ColNames[i].Trim(), i);
        }
        var fieldIndex = new int[columns.Count];
        var missing = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            fieldIndex[c] = byName.GetValueOrDefault(columns[c].Name, -1);
            if (fieldIndex[c] < 0 && columns[c].Required)
            {
                missing.Add(columns[c].Name);
            }
        }
        if (missing.Count > 0)
        {
            var found = header.IsEmpty ? "the document is empty" : $"found: {string.Join(", ", header.ColNames.Select(n => $"'{n}'"))}";
            throw new ReportFormatException(
                $"{reportType}: missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(n => $"'{n}'"))} ({found}).");
        }
        return new ReportLayout(columns, fieldIndex, header.ColNames.Count);
    }

    /// <summary>The field index of the parser's column <paramref name="column"/>, or -1 when an optional column is absent.</summary>
    public int FieldIndex(int column) => _fieldIndex[column];

    public ReportColumn Column(int column) => _columns[column];
}
