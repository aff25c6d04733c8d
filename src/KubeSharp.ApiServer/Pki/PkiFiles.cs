namespace KubeSharp.ApiServer.Pki;

/// <summary>Where the generated certificates live under the data dir.</summary>
public sealed record PkiFiles(string Directory)
{
    public string CaCert => Path.Combine(Directory, "ca.crt");
    public string CaKey => Path.Combine(Directory, "ca.key");
    public string ServingCert => Path.Combine(Directory, "apiserver.crt");
    public string ServingKey => Path.Combine(Directory, "apiserver.key");
    public string AdminCert => Path.Combine(Directory, "admin.crt");
    public string AdminKey => Path.Combine(Directory, "admin.key");
    public string KubeletClientCert => Path.Combine(Directory, "apiserver-kubelet-client.crt");
    public string KubeletClientKey => Path.Combine(Directory, "apiserver-kubelet-client.key");
}
