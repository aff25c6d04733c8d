namespace KubeSharp.ApiServer.Authentication;

/// <summary>An authenticated caller (upstream's user.Info).</summary>
public sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public const string ItemKey = "kubesharp.user";
}
