namespace Opside.Detection.Shared;

/// <summary>The key of the customer-return claims: an Amazon order id and the seller's SKU.</summary>
internal readonly record struct OrderSku(string OrderId, string Sku);
