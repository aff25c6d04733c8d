using System.Reflection;
using System.Runtime.Versioning;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Finds KubernetesClient.xml, the doc file that ships in the KubernetesClient package and carries upstream's API
/// field descriptions. The build does not copy package doc files to the output unless the project sets
/// CopyDocumentationFilesFromPackages, so besides "next to KubernetesClient.dll" we also look in the NuGet package
/// cache the assembly was restored from.
/// </summary>
internal static class ModelDocsFile
{
    private const string FileName = "KubernetesClient.xml";

    public static string? Locate()
    {
        var assembly = typeof(k8s.Models.V1Pod).Assembly;
        foreach (var candidate in Candidates(assembly))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        var location = assembly.Location;
        if (location.Length > 0)
        {
            yield return Path.Combine(Path.GetDirectoryName(location)!, FileName);
        }
        yield return Path.Combine(AppContext.BaseDirectory, FileName);

        // "21.0.8+75f253d651" -> "21.0.8": the package folder name.
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (version is null)
        {
            yield break;
        }
        var plus = version.IndexOf('+');
        if (plus >= 0)
        {
            version = version[..plus];
        }
        var tfm = TargetFrameworkMoniker(assembly);
        foreach (var root in PackageRoots())
        {
            yield return Path.Combine(root, "kubernetesclient", version, "lib", tfm, FileName);
        }
    }

    private static IEnumerable<string> PackageRoots()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(configured))
        {
            yield return configured;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".nuget", "packages");
        }
    }

    // ".NETCoreApp,Version=v10.0" -> "net10.0", the lib folder the package ships the assembly in.
    private static string TargetFrameworkMoniker(Assembly assembly)
    {
        var name = assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "";
        var v = name.IndexOf("Version=v", StringComparison.Ordinal);
        return v >= 0 ? "net" + name[(v + "Version=v".Length)..] : "net10.0";
    }
}
