using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Tests.Registries;

/// <summary>
/// registries.yaml end to end: the agent's own containerd pulls an image through a mirror it only knows from the
/// file, with credentials it only knows from the file, from a real (test) registry over plain HTTP.
/// </summary>
public sealed class RegistryPullTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Mirror_and_credentials_from_registries_yaml_are_used_by_containerd_pulls()
    {
        var image = RuntimeFixture.ExtraImage("pulled");
        await using var registry = await TestRegistry.StartAsync("team/hello", "v1", image, "puller", "right-password");
        var fx = new RuntimeFixture();
        await fx.InitializeAsync();
        try
        {
            // A registry name that does not resolve: the pull can only succeed through the mirror.
            const string reference = "registry.kubesharp.invalid/team/hello:v1";
            var file = fx.Options.RegistriesConfigPath;

            // Wrong password first, so the assertions below show that the credentials come from the file.
            await File.WriteAllTextAsync(file, Yaml(registry.Port, "wrong-password"));
            await fx.RestartAsync();
            var failure = await Assert.ThrowsAsync<CriException>(() => fx.Cri.PullImageAsync(new ImageSpec { Image = reference }, null, null, None));
            Console.WriteLine($"[registry] pull with the wrong password: {failure.Message}");
            Assert.True(registry.Unauthorized > 0, "the mirror was not contacted");
            Assert.Equal(0, registry.Served);

            await File.WriteAllTextAsync(file, Yaml(registry.Port, "right-password"));
            await fx.RestartAsync();
            var imageRef = await fx.Cri.PullImageAsync(new ImageSpec { Image = reference }, null, null, None);
            Assert.Equal(registry.ImageId, imageRef);
            var status = await fx.Cri.ImageStatusAsync(new ImageSpec { Image = reference }, None);
            Assert.Equal(registry.ImageId, status!.Id);
            Assert.Contains(reference, status.RepoTags);
            Assert.True(registry.Served >= 3, $"expected manifest, config and layer downloads, saw {registry.Served}");
            Assert.True(File.Exists(Path.Combine(fx.Options.RegistryConfigDir, "registry.kubesharp.invalid", "hosts.toml")));
        }
        finally
        {
            await fx.DisposeAsync();
        }
    }

    private static string Yaml(int port, string password) => $"""
        mirrors:
          registry.kubesharp.invalid:
            endpoint:
              - "http://127.0.0.1:{port}"
        configs:
          "127.0.0.1:{port}":
            auth:
              username: puller
              password: {password}
        """;
}
