namespace Descent.Tests.Support;

/// <summary>A temporary plugin directory holding copies of chosen test-plugin folders (and files made up on the spot).</summary>
public sealed class PluginFolders : IDisposable
{
    public PluginFolders()
    {
        Directory.CreateDirectory(Root);
    }

    /// <summary>The plugin directory.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "descent-test-plugins-" + Guid.NewGuid().ToString("N"));

    /// <summary>Copies the test plugin <c>test-plugins/NAME/</c> into the directory; returns its assembly's path.</summary>
    public string AddTestPlugin(string name)
    {
        string source = Path.Combine(TestEngine.TestPluginsDirectory, name);
        Assert.That(Directory.Exists(source), Is.True, $"test plugin {name} was not built to {source}");
        string target = Path.Combine(Root, name);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return Path.Combine(target, name + ".dll");
    }

    /// <summary>Creates <c>NAME/NAME.dll</c> with the given bytes; returns its path.</summary>
    public string AddFile(string name, byte[] content)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".dll");
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A loaded plugin assembly may still be mapped; the temp folder is left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
