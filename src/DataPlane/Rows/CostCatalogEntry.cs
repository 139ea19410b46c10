namespace Opside.DataPlane.Rows;

/// <summary>
/// One row of the seller's cost catalog (uploaded CSV <c>sku,unitCost,currency,source,effectiveDate</c>): the unit
/// manufacturing cost of a SKU from <paramref name="EffectiveDate"/> on, backed by the named source document.
/// </summary>
public sealed record CostCatalogEntry(string Sku, decimal UnitCost, string Currency, string Source, DateOnly EffectiveDate);
