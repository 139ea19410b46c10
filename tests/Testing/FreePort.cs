using System.Net;
using System.Net.Sockets;

namespace Opside.Testing;

/// <summary>
/// Orleans listeners set SO_REUSEPORT, so two hosts on the same port both start and silently share
/// traffic: every test host asks the kernel for a port nobody holds, and this process never hands the
/// same port out twice (a port is free again as soon as the probe closes, before Orleans binds it).
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Issued = [];

    public static int Next()
    {
        lock (Issued)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Issued.Add(port))
                    return port;
            }
        }
    }
}
