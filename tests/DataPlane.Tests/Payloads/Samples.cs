namespace Opside.DataPlane.Tests.Payloads;

/// <summary>The JSON files in Payloads/Samples (provenance in the README there).</summary>
internal static class Samples
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "Samples", name));

    public static byte[] Utf8(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
