#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    What only a real PowerShell shows: parameter binding from Get-ChildItem, Where-Object and Export-Csv on the
    objects, -WhatIf, -ErrorVariable and the error records, the default view, the module's import in this edition.
    Runs against the sandbox started with `dotnet run --project src/Deepfake.Sandbox`. Needs the module built
    (./build.ps1, or DEEPFAKE_MODULE_MANIFEST pointing at a built Deepfake.psd1) and Pester 5.
    Run in both editions where they exist:  pwsh -c ./build.ps1 -Test ; powershell -File build.ps1 -Test
#>

BeforeAll {
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Manifest = if ($env:DEEPFAKE_MODULE_MANIFEST) { $env:DEEPFAKE_MODULE_MANIFEST } else { Join-Path $Repo 'out/Deepfake/Deepfake.psd1' }
    if (-not (Test-Path $Manifest)) {
        throw "The module is not built at $Manifest. Run ./build.ps1 first."
    }

    # Never touch the user's settings or keys, and start from no credential at all.
    $script:ConfigDir = Join-Path ([System.IO.Path]::GetTempPath()) ('deepfake-pester-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $ConfigDir | Out-Null
    $env:DEEPFAKE_CONFIG_DIR = $ConfigDir
    foreach ($name in 'DEEPFAKE_OOTO_APP_ID', 'DEEPFAKE_OOTO_APP_KEY', 'DEEPFAKE_VERIHUBS_APP_ID', 'DEEPFAKE_VERIHUBS_API_KEY', 'DEEPFAKE_OOTO_ENDPOINT', 'DEEPFAKE_VERIHUBS_ENDPOINT') {
        Remove-Item -Path "env:$name" -ErrorAction Ignore
    }

    $script:AppId = 'pester-app'
    $script:AppKey = 'pester-secret-' + [guid]::NewGuid().ToString('N')

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $script:Base = "http://127.0.0.1:$port"
    $script:SandboxLog = Join-Path $ConfigDir 'sandbox.log'
    $script:Sandbox = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow -RedirectStandardOutput $SandboxLog -RedirectStandardError "$SandboxLog.err" -ArgumentList @(
        # Start-Process joins arguments with spaces: quote the one that may contain some.
        'run', '--project', ('"{0}"' -f (Join-Path $Repo 'src/Deepfake.Sandbox')), '--',
        '--urls', $Base, '--ooto-app-id', $AppId, '--ooto-app-key', $AppKey)

    # Poll until it answers (a first `dotnet run` also builds it).
    $deadline = [DateTime]::UtcNow.AddMinutes(3)
    while ($true) {
        try {
            Invoke-RestMethod -Uri "$Base/_sandbox/stats" -TimeoutSec 2 | Out-Null
            break
        }
        catch {
            if ($Sandbox.HasExited) { throw "The sandbox exited: $(Get-Content "$SandboxLog.err" -Raw)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "The sandbox did not answer at $Base within 3 minutes." }
            Start-Sleep -Milliseconds 250
        }
    }

    function script:Get-OotoRequestCount {
        $stats = Invoke-RestMethod -Uri "$Base/_sandbox/stats"
        if ($stats.requests.PSObject.Properties['ooto']) { [long]$stats.requests.ooto } else { 0 }
    }

    # A copy of the fixture photo with a sandbox marker in a JPEG comment segment right after SOI.
    $script:Photo = Join-Path $Repo 'tests/Fixtures/astronaut.jpg'
    function script:New-MarkedJpeg([string] $Path, [string] $Directives = '') {
        $bytes = [System.IO.File]::ReadAllBytes($Photo)
        $text = [System.Text.Encoding]::ASCII.GetBytes('DFSANDBOX{' + $Directives + ';nonce=' + [guid]::NewGuid().ToString('N') + '}')
        $length = $text.Length + 2
        $segment = [byte[]](0xFF, 0xFE, [byte]($length -shr 8), [byte]($length -band 0xFF))
        $out = New-Object System.IO.MemoryStream
        $out.Write($bytes, 0, 2)
        $out.Write($segment, 0, 4)
        $out.Write($text, 0, $text.Length)
        $out.Write($bytes, 2, $bytes.Length - 2)
        [System.IO.File]::WriteAllBytes($Path, $out.ToArray())
        Get-Item -LiteralPath $Path
    }

    $script:Images = Join-Path $ConfigDir 'onboarding'
    New-Item -ItemType Directory -Path (Join-Path $Images 'sub') | Out-Null
    $script:Genuine = New-MarkedJpeg (Join-Path $Images 'genuine.jpg')
    $script:Fake = New-MarkedJpeg (Join-Path $Images 'sub/fake.jpg') 'outcome=deepfake'
    $script:NoFace = New-MarkedJpeg (Join-Path $Images 'noface.jpg') 'outcome=noface'
    $script:Blurred = New-MarkedJpeg (Join-Path $Images 'blurred.jpg') 'outcome=lowquality'
    Set-Content -Path (Join-Path $Images 'notes.txt') -Value 'not an image'

    Import-Module $Manifest -Force
    Set-DeepfakeProvider -Provider Ooto -Endpoint $Base -Default -Scope Session
    Set-DeepfakeCredential -Provider Ooto -AppId $AppId -AppKey (ConvertTo-SecureString $AppKey -AsPlainText -Force) -Scope Session
}

AfterAll {
    Remove-Module Deepfake -ErrorAction Ignore
    if ($Sandbox -and -not $Sandbox.HasExited) {
        # `dotnet run` starts the sandbox as a child process: end the whole tree.
        if ($PSVersionTable.PSEdition -eq 'Core') { $Sandbox.Kill($true) } else { & taskkill /T /F /PID $Sandbox.Id | Out-Null }
    }
    Remove-Item -Path env:DEEPFAKE_CONFIG_DIR -ErrorAction Ignore
    Remove-Item -Path $ConfigDir -Recurse -Force -ErrorAction Ignore
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest lists' {
        $listed = (Import-PowerShellDataFile $Manifest).CmdletsToExport | Sort-Object
        (Get-Command -Module Deepfake).Name | Sort-Object | Should -Be $listed
    }

    It 'loads its engine in isolation on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # Through an output object: type names in a custom load context need not resolve as [type] literals.
        $engine = (Get-DeepfakeProvider -Provider Local).GetType().Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name | Should -Be 'Deepfake'
        $engine.Location | Should -BeLike '*Dependencies*Deepfake.Core.dll'
    }

    It 'has an about_Deepfake help topic' {
        Get-Help about_Deepfake | Out-String | Should -Match 'CREDENTIALS'
    }

    It 'has cmdlet help with examples' {
        $help = Get-Help Invoke-DeepfakeCheck -Full
        $help.Synopsis | Should -Match 'deepfakes'
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }
}

Describe 'Get-ChildItem | Invoke-DeepfakeCheck' {
    BeforeAll {
        $script:Results = Get-ChildItem $Images -Recurse -Include *.jpg, *.png | Invoke-DeepfakeCheck -ThrottleLimit 8
    }

    It 'writes one typed result per file' {
        $Results | Should -HaveCount 4
        $Results | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'Deepfake.DeepfakeResult' }
        ($Results.Source | Sort-Object) | Should -Be (@($Genuine, $Fake, $NoFace, $Blurred).FullName | Sort-Object)
    }

    It 'filters with Where-Object on Status' {
        $suspicious = $Results | Where-Object Status -ne 'Genuine'
        ($suspicious.Source | Sort-Object) | Should -Be (@($Fake, $NoFace).FullName | Sort-Object)
        ($Results | Where-Object Source -eq $NoFace.FullName).ErrorCode | Should -Be 'NoFace'
    }

    It 'exports a readable scalar in every CSV column' {
        $csv = Join-Path $ConfigDir 'suspicious.csv'
        $Results | Where-Object Status -ne 'Genuine' | Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows | Should -HaveCount 2
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($expected in 'Source', 'Status', 'Score', 'ErrorCode', 'Quality', 'Face') { $columns | Should -Contain $expected }
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties.Value) {
                $cell | Should -Not -Match '^(Deepfake|System)\.'
            }
        }
    }

    It 'shows Source, Status, Score and ErrorCode in the default table' {
        $table = $Results | Out-String
        $table | Should -Match 'Source\s+Status\s+Score\s+ErrorCode'
        $table | Should -Not -Match 'TransactionId'
    }

    It 'expands wildcards in strings from the pipeline' {
        $found = (Join-Path $Images '*.jpg') | Invoke-DeepfakeCheck
        $found | Should -HaveCount 3
    }
}

Describe 'Errors' {
    It 'writes a non-terminating FileNotFound error for a missing file and goes on' {
        $missing = Join-Path $Images 'missing.jpg'
        $results = Invoke-DeepfakeCheck -LiteralPath $missing, $Genuine.FullName -ErrorVariable failed -ErrorAction SilentlyContinue
        $results | Should -HaveCount 1
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'Deepfake.FileNotFound,Deepfake.Commands.InvokeDeepfakeCheckCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be $missing
    }

    It 'stops the command when the credential is refused' {
        $wrong = [pscredential]::new($AppId, (ConvertTo-SecureString 'wrong-key-123456' -AsPlainText -Force))
        { $Genuine, $Fake | Invoke-DeepfakeCheck -Credential $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'Deepfake.Unauthorized,Deepfake.Commands.InvokeDeepfakeCheckCommand'
    }

    It 'refuses a directory saying what to pipe instead' {
        Invoke-DeepfakeCheck -LiteralPath $Images -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Deepfake.InvalidInput,*'
        $failed[0].Exception.Message | Should -Match 'Get-ChildItem -Recurse -File'
    }
}

Describe '-WhatIf' {
    It 'lists what would be sent and sends nothing' {
        $before = Get-OotoRequestCount
        $result = Invoke-DeepfakeCheck -Path $Genuine.FullName -WhatIf
        $result | Should -BeNullOrEmpty
        Get-OotoRequestCount | Should -Be $before
    }

    It 'changes no credential' {
        Remove-DeepfakeCredential -Provider Ooto -Scope Session -WhatIf
        (Get-DeepfakeCredential -Provider Ooto | Where-Object IsActive).Source | Should -Be 'Session'
    }
}

Describe 'Get-DeepfakeQuality' {
    It 'filters naturally with Where-Object -Not IsAcceptable' {
        $poor = Get-ChildItem $Images -Filter *.jpg | Get-DeepfakeQuality | Where-Object -Not IsAcceptable
        ($poor.Source | Sort-Object) | Should -Be (@($NoFace, $Blurred).FullName | Sort-Object)
        ($poor | Where-Object Source -eq $Blurred.FullName).FailedChecks | Should -Contain 'blur'
    }
}

Describe 'Keys' {
    It 'never shows the key, only a hint of it' {
        $shown = Get-DeepfakeCredential -Provider Ooto | Format-List * | Out-String
        $shown | Should -Match ([regex]::Escape($AppKey.Substring($AppKey.Length - 4)))
        $shown | Should -Not -Match ([regex]::Escape($AppKey))
    }

    It 'says in the verbose and debug streams where requests go, keys redacted' {
        # $DebugPreference rather than -Debug, which prompts in Windows PowerShell 5.1.
        $DebugPreference = 'Continue'
        $streams = Invoke-DeepfakeCheck -Path $Genuine.FullName -Verbose 4>&1 5>&1 -ErrorAction SilentlyContinue |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.DebugRecord] } |
            Out-String
        $streams | Should -Match ([regex]::Escape(([uri]$Base).Authority))
        $streams | Should -Not -Match ([regex]::Escape($AppKey))
    }
}

Describe 'Get-DeepfakeProvider' {
    It 'reports the endpoint set for the session and the credential found' {
        $ooto = Get-DeepfakeProvider -Provider Ooto
        $ooto.Endpoint.Authority | Should -Be ([uri]$Base).Authority
        $ooto.CredentialFound | Should -BeTrue
        $ooto.IsDefault | Should -BeTrue
        (Get-DeepfakeProvider -Provider Local).RequiresCredential | Should -BeFalse
    }
}
