using nietras.SeparatedValues;

namespace Opside.DataPlane.Reports;

/// <summary>
/// One data row seen through a parser's columns. Each accessor reads a column's value or rejects the row with the
/// column's name and the bad value.
/// </summary>
internal readonly ref struct ReportRow
{
    private readonly SepReader.Row _row;
    private readonly ReportLayout _layout;

    public ReportRow(SepReader.Row row, ReportLayout layout)
    {
        _row = row;
        _layout = layout;
    }

    /// <summary>Text as printed; an empty field, or an absent optional column, is "" (never null).</summary>
    public string Text(int column)
    {
        var field = _layout.FieldIndex(column);
        if (field < 0)
        {
            return "";
        }
        var col = _row[field];
        // Sep's ToString goes through the reader's per-column pool; unique values skip the pool's hashing.
        return _layout.Column(column).Pooled ? col.ToString() : new string(col.Span);
    }

    public int Int(int column) =>
        ReportValues.TryParseInt(Span(column), out var value) ? value : throw Reject(column, "a whole number");

    /// <summary>An empty field or absent column is null.</summary>
    public int? IntOrNull(int column)
    {
        var s = Span(column);
        return s.IsWhiteSpace() ? null : ReportValues.TryParseInt(s, out var value) ? value : throw Reject(column, "a whole number");
    }

    public decimal Amount(int column) =>
        ReportValues.TryParseAmount(Span(column), out var value) ? value : throw Reject(column, "an amount with one unambiguous decimal separator");

    /// <summary>An empty field or absent column is null.</summary>
    public decimal? AmountOrNull(int column)
    {
        var s = Span(column);
        return s.IsWhiteSpace() ? null
            : ReportValues.TryParseAmount(s, out var value) ? value
            : throw Reject(column, "an amount with one unambiguous decimal separator");
    }

    public DateOnly UsDate(int column) =>
        ReportValues.TryParseUsDate(Span(column), out var value) ? value : throw Reject(column, "a date MM/DD/YYYY");

    public DateTimeOffset Timestamp(int column) =>
        ReportValues.TryParseTimestamp(Span(column), out var value) ? value : throw Reject(column, "an ISO-8601 date and time");

    /// <summary>An empty field or absent column is null.</summary>
    public DateTimeOffset? TimestampOrNull(int column)
    {
        var s = Span(column);
        return s.IsWhiteSpace() ? null
            : ReportValues.TryParseTimestamp(s, out var value) ? value
            : throw Reject(column, "an ISO-8601 date and time");
    }

    private ReadOnlySpan<char> Span(int column)
    {
        var field = _layout.FieldIndex(column);
        return field < 0 ? default : _row[field].Span;
    }

    private RowRejectedException Reject(int column, string expected)
    {
        const int Longest = 80;
        var value = Span(column);
        var shown = value.Length > Longest ? $"{value[..Longest]}…" : value.ToString();
        return new RowRejectedException($"column '{_layout.Column(column).Name}': '{shown}' is not {expected}");
    }
}

/// <summary>Thrown while reading one row; the parser turns it into a <see cref="RejectedRow"/> and reads on.</summary>
internal sealed class RowRejectedException(string reason) : Exception(reason);
