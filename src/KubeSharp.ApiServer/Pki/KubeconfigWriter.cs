using System.Text;

namespace KubeSharp.ApiServer.Pki;

/// <summary>Writes an admin kubeconfig with the certificates inlined, so the file works when copied elsewhere.</summary>
public static class KubeconfigWriter
{
    public static void Write(string path, string serverUrl, PkiFiles files)
    {
        static string B64(string file) => Convert.ToBase64String(File.ReadAllBytes(file));
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kubesharp
              cluster:
                server: {serverUrl}
                certificate-authority-data: {B64(files.CaCert)}
            users:
            - name: admin
              user:
                client-certificate-data: {B64(files.AdminCert)}
                client-key-data: {B64(files.AdminKey)}
            contexts:
            - name: kubesharp
              context:
                cluster: kubesharp
                user: admin
                namespace: default
            current-context: kubesharp

            """;
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text, new UTF8Encoding(false));
        File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(tmp, path, true);
    }
}
