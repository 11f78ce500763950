import Foundation

/// The addresses trainees can type to reach this machine: one per IPv4 interface that is up,
/// the loopback last (it only works on the trainer's own laptop).
public enum NetworkAddresses {
    public static func list(host: String, port: Int) -> [String] {
        guard host == "0.0.0.0" || host == "::" else { return ["http://\(host):\(port)"] }
        var found: [String] = [], loopback: [String] = []
        var interfaces: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&interfaces) == 0, let first = interfaces else { return ["http://127.0.0.1:\(port)"] }
        defer { freeifaddrs(interfaces) }
        for interface in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = interface.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  interface.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = "http://\(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(port)"
            if interface.pointee.ifa_flags & UInt32(IFF_LOOPBACK) != 0 { loopback.append(text) } else { found.append(text) }
        }
        return found + loopback
    }
}
