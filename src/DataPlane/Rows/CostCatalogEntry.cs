namespace Opside.DataPlane.Rows;

/// <summary>
/// One row of a seller's cost catalog (uploaded as CSV <c>sku,unitCost,currency,source,effectiveDate</c>): the
/// documented unit manufacturing cost of a SKU from a date on, and the document that proves it.
/// </summary>
public sealed record CostCatalogEntry(string Sku, decimal UnitCost, string Currency, string Source, DateOnly EffectiveDate);
