using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>The seller's cost catalog per SKU, each SKU's entries by effective date.</summary>
internal sealed class CostCatalog
{
    private readonly Dictionary<string, List<CostCatalogEntry>> _bySku = new(StringComparer.Ordinal);

    public CostCatalog(IReadOnlyList<CostCatalogEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (!_bySku.TryGetValue(entry.Sku, out var list))
            {
                _bySku[entry.Sku] = list = [];
            }
            list.Add(entry);
        }
        foreach (var list in _bySku.Values)
        {
            list.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
        }
    }

    /// <summary>Resolved detail 9: the entry with the latest effective date on or before <paramref name="day"/>, or null.</summary>
    public CostCatalogEntry? On(string sku, DateOnly day)
    {
        if (!_bySku.TryGetValue(sku, out var list))
        {
            return null;
        }
        CostCatalogEntry? found = null;
        foreach (var entry in list)
        {
            if (entry.EffectiveDate > day)
            {
                break;
            }
            found = entry;
        }
        return found;
    }
}
