using System.Net;
using System.Net.Sockets;

namespace Opside.Testing;

/// <summary>
/// Orleans listeners set SO_REUSEPORT, so two hosts on the same port both start and silently share
/// traffic: every test host asks the kernel for ports nobody holds.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
