namespace Opside.DataPlane.Reports;

/// <summary>A column a report parser reads, by its header name.</summary>
/// <param name="Required">A document without it is refused; an optional column that is absent reads as empty.</param>
/// <param name="Pooled">
/// Few distinct values (SKUs, dispositions, reasons): equal values share one string instead of allocating per row.
/// </param>
internal sealed record ReportColumn(string Name, bool Required = true, bool Pooled = false);
