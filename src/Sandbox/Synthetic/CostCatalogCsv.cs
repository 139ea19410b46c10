using System.Globalization;
using System.Text;

namespace Opside.Sandbox.Synthetic;

/// <summary>The seller's cost catalog as the CSV they would upload to Opside; labels assume it was uploaded.</summary>
public static class CostCatalogCsv
{
    public static string Render(SyntheticSeller seller)
    {
        var csv = new StringBuilder("sku,unitCost,currency,source,effectiveDate\n");
        foreach (var row in seller.Costs)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Sku},{row.UnitCost:0.00},{row.Currency},{row.Source},{row.EffectiveDate:yyyy-MM-dd}\n");
        }

        return csv.ToString();
    }
}
