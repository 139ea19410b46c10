namespace Opside.Sandbox.SpApi;

/// <summary>Endpoint metadata naming the SP-API operation, with Amazon's default usage plan (research 2.7).</summary>
public sealed record SpApiOperation(string Name, double Rate, int Burst)
{
    public static readonly SpApiOperation CreateReport = new("createReport", 0.0167, 15);
    public static readonly SpApiOperation GetReport = new("getReport", 2, 15);
    public static readonly SpApiOperation GetReports = new("getReports", 0.0222, 10);
    public static readonly SpApiOperation GetReportDocument = new("getReportDocument", 0.0167, 15);
    public static readonly SpApiOperation GetShipments = new("getShipments", 2, 30);
    public static readonly SpApiOperation GetShipmentItems = new("getShipmentItemsByShipmentId", 2, 30);
    public static readonly SpApiOperation ListFinancialEvents = new("listFinancialEvents", 0.5, 30);
}
