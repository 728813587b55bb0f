<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Employee Records</source>
        <translation>À propos d’Employee Records</translation>
    </message>
    <message>
        <source>Employee Records</source>
        <translation>Employee Records</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Keep employee records: employees, their profiles and their teams, in an SQLite file or on a PostgreSQL server.</source>
        <translation>Gérez les dossiers du personnel&#xa0;: employés, profils et équipes, dans un fichier SQLite ou sur un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Compilé avec Qt %1, exécuté avec Qt %2.</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Some employees have no profile and creating them failed: %1</source>
        <translation>Certains employés n’ont pas de profil et leur création a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveController</name>
    <message>
        <source>Archived Employees</source>
        <translation>Employés archivés</translation>
    </message>
    <message>
        <source>Show &amp;Archived</source>
        <translation>Afficher les &amp;archivés</translation>
    </message>
    <message>
        <source>List the employees who left, to restore one</source>
        <translation>Lister les employés partis, pour en restaurer un</translation>
    </message>
    <message>
        <source>Archive Employee</source>
        <translation>Archiver l’employé</translation>
    </message>
    <message>
        <source>%1 could not be archived: %2</source>
        <translation>%1 n’a pas pu être archivé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Archived %1 (View &gt; Show Archived lists them).</source>
        <translation>%1 archivé (Affichage &gt; Afficher les archivés les liste).</translation>
    </message>
    <message>
        <source>Restore Employee</source>
        <translation>Restaurer l’employé</translation>
    </message>
    <message>
        <source>The employee could not be restored: %1</source>
        <translation>L’employé n’a pas pu être restauré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 restauré.</translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Delete %1 permanently?</source>
        <translation>Supprimer définitivement %1&#x202f;?</translation>
    </message>
    <message>
        <source>Their employee record and profile (date of birth, team, address, gender, bio and photo) are erased and cannot be restored. The history keeps that someone was deleted, without their data.</source>
        <translation>Sa fiche d’employé et son profil (date de naissance, équipe, adresse, genre, biographie et photo) sont effacés et ne peuvent pas être restaurés. L’historique garde qu’une personne a été supprimée, sans ses données.</translation>
    </message>
    <message>
        <source>&amp;Delete Permanently</source>
        <translation>&amp;Supprimer définitivement</translation>
    </message>
    <message>
        <source>Deleted %1 permanently.</source>
        <translation>%1 supprimé définitivement.</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive Employee</source>
        <translation>Archiver l’employé</translation>
    </message>
    <message>
        <source>%1 left: they are hidden from the views and kept, with their profile and history, in View &gt; Show Archived, from where they can be restored.</source>
        <translation>%1 est parti&#xa0;: l’employé est masqué des vues et conservé, avec son profil et son historique, dans Affichage &gt; Afficher les archivés, d’où il peut être restauré.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>&amp;Left on:</source>
        <translation>&amp;Parti le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ArchiveStep</name>
    <message>
        <source>Archiving %1</source>
        <translation>Archivage de %1</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>Restauration de %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees; nothing was changed.</source>
        <translation>%1 ne fait plus partie des employés actuels ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Rien n’a été modifié ; l’étape reste dans Édition &gt; Annuler ou Rétablir.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 vient d’être modifié à nouveau ; rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation>%1 archivé.</translation>
    </message>
    <message>
        <source>%1 could not be restored: %2</source>
        <translation>%1 n’a pas pu être restauré : %2</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 restauré.</translation>
    </message>
</context>
<context>
    <name>ArchivedPanel</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Archived employees</source>
        <translation>Employés archivés</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Parti le</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Bring the selected employee back, with their profile and history</source>
        <translation>Faire revenir l’employé sélectionné, avec son profil et son historique</translation>
    </message>
    <message>
        <source>Erase the selected employee and their profile for good</source>
        <translation>Effacer définitivement l’employé sélectionné et son profil</translation>
    </message>
    <message>
        <source>Your database role may only read employees.</source>
        <translation>Votre rôle de base de données ne permet que de lire les employés.</translation>
    </message>
    <message>
        <source>Only an administrator may delete employees permanently.</source>
        <translation>Seul un administrateur peut supprimer définitivement des employés.</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>The change could not be recorded in the history: %1</source>
        <translation>La modification n’a pas pu être inscrite dans l’historique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ColumnMappingTable</name>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Première ligne</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importer comme</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep employee records: employees, their profiles and teams.
Without an action option the application window opens.</source>
        <translation>Gérez les dossiers du personnel&#xa0;: employés, profils et équipes.
Sans option d’action, la fenêtre de l’application s’ouvre.</translation>
    </message>
    <message>
        <source>Use the SQLite database file &lt;path&gt; (default: %1).</source>
        <translation>Utiliser le fichier de base de données SQLite &lt;chemin&gt; (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Import employees from the CSV file &lt;file&gt; and exit.</source>
        <translation>Importer les employés du fichier CSV &lt;fichier&gt; et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity, list any problems and exit.</source>
        <translation>Vérifier l’intégrité de la base de données, lister les problèmes éventuels et quitter.</translation>
    </message>
    <message>
        <source>Read phone numbers without a country code as numbers of &lt;region&gt; (ISO code such as DE; default: from the system locale).</source>
        <translation>Lire les numéros de téléphone sans indicatif pays comme des numéros de la &lt;région&gt; (code ISO tel que FR&#x202f;; par défaut&#xa0;: selon les paramètres régionaux du système).</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;; see --help.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;»&#x202f;; voir --help.</translation>
    </message>
    <message>
        <source>PostgreSQL: create the reader, editor and admin roles and grant them (run as the tables&apos; owner), then exit.</source>
        <translation>PostgreSQL : créer les rôles de lecture, d’édition et d’administration et leur accorder les droits (à lancer en tant que propriétaire des tables), puis quitter.</translation>
    </message>
    <message>
        <source>Use a PostgreSQL server: postgresql://user@host:port/dbname (libpq reads the password from ~/.pgpass).</source>
        <translation>Utiliser un serveur PostgreSQL : postgresql://utilisateur@hôte:port/base (libpq lit le mot de passe dans ~/.pgpass).</translation>
    </message>
    <message>
        <source>Warning: a password in --database-url can be read by other users of this computer while the program starts. Leave it out and put it in ~/.pgpass (or a pg_service.conf service), where libpq finds it.</source>
        <translation>Attention : un mot de passe dans --database-url peut être lu par les autres utilisateurs de cet ordinateur pendant le démarrage du programme. Omettez-le et mettez-le dans ~/.pgpass (ou dans un service de pg_service.conf), où libpq le trouve.</translation>
    </message>
    <message>
        <source>Use the PostgreSQL server that the service &lt;name&gt; of pg_service.conf describes (PGSERVICEFILE, ~/.pg_service.conf), as psql service=&lt;name&gt;.</source>
        <translation>Utiliser le serveur PostgreSQL que décrit le service &lt;nom&gt; de pg_service.conf (PGSERVICEFILE, ~/.pg_service.conf), comme psql service=&lt;nom&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Give one of --database, --database-url and --database-service, not several.</source>
        <translation>Indiquez une seule des options --database, --database-url et --database-service.</translation>
    </message>
    <message>
        <source>Print the history of the employee with &lt;email&gt;, newest first, and exit.</source>
        <translation>Afficher l’historique de l’employé ayant l’adresse &lt;email&gt;, le plus récent en premier, puis quitter.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>Erase the personal data of archived employees who left before &lt;date&gt; (YYYY-MM-DD), their history included, and exit.</source>
        <translation>Effacer les données personnelles des employés archivés partis avant &lt;date&gt; (AAAA-MM-JJ), historique compris, puis quitter.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>--purge-archived-before needs a date as YYYY-MM-DD, not &apos;%1&apos;.</source>
        <translation>--purge-archived-before attend une date AAAA-MM-JJ (YYYY-MM-DD), pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Export everything stored about the employee (current or archived) with &lt;email&gt;, history included, to FILE, given after the email: a JSON file (.json) or a readable PDF (.pdf); the export is recorded in the history. Then exit.</source>
        <translation>Exporter tout ce qui est enregistré sur l’employé (actuel ou archivé) ayant l’adresse &lt;email&gt;, historique compris, dans FILE (donné après l’adresse) : un fichier JSON (.json) ou un PDF lisible (.pdf) ; l’export est consigné dans l’historique. Puis quitter.</translation>
    </message>
    <message>
        <source>With --export-person: the file to write.</source>
        <translation>Avec --export-person : le fichier à écrire.</translation>
    </message>
    <message>
        <source>--export-person needs the email and the file: --export-person EMAIL FILE.json or FILE.pdf.</source>
        <translation>--export-person demande l’adresse e-mail et le fichier : --export-person EMAIL FILE.json ou FILE.pdf.</translation>
    </message>
    <message>
        <source>--export-person writes a .json or a .pdf file, not &apos;%1&apos;.</source>
        <translation>--export-person écrit un fichier .json ou .pdf, pas « %1 ».</translation>
    </message>
    <message>
        <source>--export-person needs an email address.</source>
        <translation>--export-person demande une adresse e-mail.</translation>
    </message>
    <message>
        <source>With --import: read the file in &lt;name&gt; (%1) instead of finding out from the file.</source>
        <translation>Avec --import : lire le fichier dans l’encodage &lt;name&gt; (%1) au lieu de le déduire du fichier.</translation>
    </message>
    <message>
        <source>With --import: the fields are separated by &lt;c&gt; (a character, or &apos;tab&apos;) instead of the one found in the file.</source>
        <translation>Avec --import : les champs sont séparés par &lt;c&gt; (un caractère, ou « tab ») au lieu de celui trouvé dans le fichier.</translation>
    </message>
    <message>
        <source>c</source>
        <translation>c</translation>
    </message>
    <message>
        <source>With --import: read the column &lt;header&gt; as the field &lt;field&gt; (%1); may be given several times.</source>
        <translation>Avec --import : lire la colonne &lt;header&gt; comme le champ &lt;field&gt; (%1) ; peut être donné plusieurs fois.</translation>
    </message>
    <message>
        <source>header=field</source>
        <translation>en-tête=champ</translation>
    </message>
    <message>
        <source>With --import: read dates such as 03/04/1980 in &lt;order&gt;: DMY (day first), MDY (month first) or YMD.</source>
        <translation>Avec --import : lire les dates comme 03/04/1980 dans l’ordre &lt;order&gt; : DMY (jour d’abord), MDY (mois d’abord) ou YMD.</translation>
    </message>
    <message>
        <source>order</source>
        <translation>ordre</translation>
    </message>
    <message>
        <source>--encoding: &apos;%1&apos; is not an encoding the import reads; use one of %2.</source>
        <translation>--encoding : « %1 » n’est pas un encodage que l’import sait lire ; utilisez l’un de %2.</translation>
    </message>
    <message>
        <source>--delimiter needs one character such as ; or | (or &apos;tab&apos;), not &apos;%1&apos;.</source>
        <translation>--delimiter demande un caractère comme ; ou | (ou « tab »), et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--map needs &quot;Header=field&quot; with one of the fields %1, not &apos;%2&apos;.</source>
        <translation>--map demande &quot;En-tête=champ&quot; avec l’un des champs %1, et non « %2 ».</translation>
    </message>
    <message>
        <source>--date-order needs DMY, MDY or YMD, not &apos;%1&apos;.</source>
        <translation>--date-order demande DMY, MDY ou YMD, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>With --purge-archived-before: list who would be erased, change nothing. With --import: import the whole file, then roll it back and say what would be added, updated, skipped and refused.</source>
        <translation>Avec --purge-archived-before&#xa0;: lister qui serait effacé, sans rien modifier. Avec --import&#xa0;: importer tout le fichier, puis l’annuler et indiquer ce qui serait ajouté, mis à jour, ignoré et refusé.</translation>
    </message>
    <message>
        <source>With --import: what to do with a row whose email an employee already has: reject it (the default), skip it, or update that employee with the file&apos;s columns.</source>
        <translation>Avec --import&#xa0;: que faire d’une ligne dont l’adresse e-mail appartient déjà à un employé&#xa0;: la refuser (par défaut), l’ignorer ou mettre cet employé à jour avec les colonnes du fichier.</translation>
    </message>
    <message>
        <source>reject|skip|update</source>
        <translation>reject|skip|update</translation>
    </message>
    <message>
        <source>With --import: write the refused rows to the CSV file &lt;file&gt;, with a reason column, to fix and import again.</source>
        <translation>Avec --import&#xa0;: écrire les lignes refusées dans le fichier CSV &lt;file&gt;, avec une colonne reason (motif), pour les corriger et les importer de nouveau.</translation>
    </message>
    <message>
        <source>--dry-run goes with --import or --purge-archived-before.</source>
        <translation>--dry-run va avec --import ou --purge-archived-before.</translation>
    </message>
    <message>
        <source>--existing needs reject, skip or update, not &apos;%1&apos;.</source>
        <translation>--existing attend reject, skip ou update, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Export all employees to &lt;file&gt; and exit: an Excel workbook if it ends in .xlsx, else CSV (see --export-format).</source>
        <translation>Exporter tous les employés vers &lt;fichier&gt; et quitter&#xa0;: un classeur Excel si le nom finit par .xlsx, sinon du CSV (voir --export-format).</translation>
    </message>
    <message>
        <source>With --export: write &lt;format&gt;: csv (RFC 4180, UTF-8; the default), excel-csv (UTF-8 with a BOM, separated by &apos;;&apos; where the locale writes decimals with a comma) or xlsx (an Excel workbook).</source>
        <translation>Avec --export&#xa0;: écrire au format &lt;format&gt;&#xa0;: csv (RFC 4180, UTF-8&#xa0;; par défaut), excel-csv (UTF-8 avec BOM, séparé par &apos;;&apos; là où la langue écrit les décimales avec une virgule) ou xlsx (un classeur Excel).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>--export-format goes with --export.</source>
        <translation>--export-format va avec --export.</translation>
    </message>
    <message>
        <source>--export-format needs %1, not &apos;%2&apos;.</source>
        <translation>--export-format attend %1, pas «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>With --import: create a team that a row names and that does not exist yet (in any case), instead of refusing the row; created only if the import is saved.</source>
        <translation>Avec --import : créer une équipe qu&apos;une ligne nomme et qui n&apos;existe pas encore (quelle que soit la casse), au lieu de refuser la ligne ; elle n&apos;est créée que si l&apos;import est enregistré.</translation>
    </message>
    <message>
        <source>--encoding, --delimiter, --map, --date-order, --existing, --rejected-rows and --create-teams go with --import.</source>
        <translation>--encoding, --delimiter, --map, --date-order, --existing, --rejected-rows et --create-teams s&apos;utilisent avec --import.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>%1 was saved by someone else since you opened the form, without changing any field you see. Keep your changes to save them on top of that version.</source>
        <translation>%1 a été enregistré par quelqu’un d’autre depuis l’ouverture du formulaire, sans modifier aucun champ visible. Conservez vos modifications pour les enregistrer sur cette version.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since you opened the form. Their changes are listed below. Keep your changes to save them on top of their version, or take theirs.</source>
        <translation>%1 a été modifié par quelqu’un d’autre depuis l’ouverture du formulaire. Ses modifications sont listées ci-dessous. Conservez vos modifications pour les enregistrer sur sa version, ou prenez la sienne.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Sa valeur</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Votre valeur</translation>
    </message>
    <message>
        <source>Use their %1</source>
        <translation>Utiliser sa valeur (%1)</translation>
    </message>
    <message>
        <source>Use your %1</source>
        <translation>Utiliser votre valeur (%1)</translation>
    </message>
    <message>
        <source>(unchanged) %1</source>
        <translation>(inchangé) %1</translation>
    </message>
    <message>
        <source>&amp;Keep My Changes</source>
        <translation>&amp;Conserver mes modifications</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>&amp;Prendre sa version</translation>
    </message>
    <message>
        <source>&amp;Back to the Form</source>
        <translation>&amp;Retour au formulaire</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>hr</source>
        <translation>rh</translation>
    </message>
    <message>
        <source>from ~/.pgpass when empty</source>
        <translation>depuis ~/.pgpass si vide</translation>
    </message>
    <message>
        <source>Prefer encryption (use TLS when the server offers it)</source>
        <translation>Préférer le chiffrement (TLS si le serveur le propose)</translation>
    </message>
    <message>
        <source>Require encryption</source>
        <translation>Exiger le chiffrement</translation>
    </message>
    <message>
        <source>Require encryption and verify the server (CA certificate)</source>
        <translation>Exiger le chiffrement et vérifier le serveur (certificat de l’AC)</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>Sans chiffrement</translation>
    </message>
    <message>
        <source>the CA certificate that signed the server&apos;s (PEM)</source>
        <translation>le certificat de l’AC qui a signé celui du serveur (PEM)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Remember password in the desktop&apos;s secret service</source>
        <translation>&amp;Retenir le mot de passe dans le trousseau du bureau</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>Certificat de l’&amp;AC&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Se c&amp;onnecter</translation>
    </message>
    <message>
        <source>Kept by the secret service of your desktop session, never in a file of Employee Records</source>
        <translation>Conservé par le trousseau de votre session de bureau, jamais dans un fichier d’Employee Records</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat de l’AC</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Saisissez le nom d’hôte ou l’adresse du serveur.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Saisissez le nom de la base de données sur le serveur.</translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation>Saisissez votre nom d’utilisateur sur le serveur.</translation>
    </message>
    <message>
        <source>The CA certificate&apos;s path must not contain spaces, quotes or &apos;;&apos;.</source>
        <translation>Le chemin du certificat de l’AC ne doit contenir ni espaces, ni guillemets, ni «&#xa0;;&#xa0;».</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>No secret service answers: nothing is remembered.</source>
        <translation>Aucun trousseau ne répond&#xa0;: rien n’est retenu.</translation>
    </message>
</context>
<context>
    <name>ConnectionLossMonitor</name>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
</context>
<context>
    <name>CreationStep</name>
    <message>
        <source>Adding %1</source>
        <translation>Ajout de %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees (archived or deleted since); nothing was changed.</source>
        <translation>%1 ne fait plus partie des employés actuels (archivé ou supprimé depuis) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Rien n’a été modifié ; l’étape reste dans Édition &gt; Annuler ou Rétablir.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 vient d’être modifié à nouveau ; rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>Removed %1 again.</source>
        <translation>%1 retiré à nouveau.</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2</source>
        <translation>impossible d’enregistrer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot start the import: %1</source>
        <translation>impossible de démarrer l’importation&#xa0;: %1</translation>
    </message>
    <message>
        <source>the import could not be saved: %1</source>
        <translation>l’importation n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>the file is empty; the first line must name the columns (%1)</source>
        <translation>le fichier est vide&#x202f;; la première ligne doit nommer les colonnes (%1)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>%1 champs attendus comme dans l’en-tête, %2 trouvés</translation>
    </message>
    <message>
        <source>unknown team &apos;%1&apos;</source>
        <translation>équipe inconnue «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>an archived employee could not be archived again: %1</source>
        <translation>un employé archivé n’a pas pu être archivé à nouveau : %1</translation>
    </message>
    <message>
        <source>A leaving reason needs the leaving date (left_on)</source>
        <translation>Un motif de départ nécessite la date de départ (left_on)</translation>
    </message>
    <message>
        <source>the file is not UTF-8; read as %1 (detected; name another with --encoding)</source>
        <translation>le fichier n’est pas en UTF-8 ; lu comme %1 (détecté ; indiquez-en un autre avec --encoding)</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not imported: no field has that meaning (name one with --map &quot;%1=field&quot;)</source>
        <translation>la colonne « %1 » n’est pas importée : aucun champ n’a ce sens (indiquez-en un avec --map &quot;%1=champ&quot;)</translation>
    </message>
    <message>
        <source>unknown gender &apos;%1&apos;; use female, male, other (or F, M, D) or leave it empty</source>
        <translation>genre inconnu « %1 » ; utilisez female, male, other (ou F, M, D) ou laissez-le vide</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; would be created (--create-teams)</source>
        <translation>l&apos;équipe « %1 » serait créée (--create-teams)</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; created (--create-teams)</source>
        <translation>équipe « %1 » créée (--create-teams)</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a quote (&quot;) inside a field that does not start with a quote; enclose the whole field in quotes and double the quotes inside it</source>
        <translation>un guillemet (&quot;) dans un champ qui ne commence pas par un guillemet&#x202f;; entourez tout le champ de guillemets et doublez les guillemets qu’il contient</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>texte après le guillemet fermant d’un champ</translation>
    </message>
    <message>
        <source>a quoted field starting here is never closed</source>
        <translation>un champ entre guillemets commençant ici n’est jamais fermé</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>byte 0x%1 is not a character in %2</source>
        <translation>l’octet 0x%1 n’est pas un caractère en %2</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8 text here</source>
        <translation>le fichier n’est pas du texte UTF-8 valide à cet endroit</translation>
    </message>
    <message>
        <source>the bytes here are not text in %1</source>
        <translation>les octets à cet endroit ne sont pas du texte en %1</translation>
    </message>
    <message>
        <source>line %1, column %2: %3; save the file as UTF-8, or name its encoding with --encoding</source>
        <translation>ligne %1, colonne %2 : %3 ; enregistrez le fichier en UTF-8 ou indiquez son encodage avec --encoding</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database %1 is locked by another program. Close that program and try again.</source>
        <translation>La base de données %1 est verrouillée par un autre programme. Fermez ce programme et réessayez.</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Check the file&apos;s permissions.</source>
        <translation>La base de données %1 est en lecture seule. Vérifiez les droits d’accès du fichier.</translation>
    </message>
    <message>
        <source>The file %1 is not an Employee Records database or is damaged. It was not modified.</source>
        <translation>Le fichier %1 n’est pas une base de données Employee Records ou est endommagé. Il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation>Impossible d’utiliser la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <source>The database %1 cannot be read. Check the file&apos;s permissions.</source>
        <translation>La base de données %1 ne peut pas être lue. Vérifiez les droits d’accès du fichier.</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Check the permissions of the file and its folder.</source>
        <translation>La base de données %1 est en lecture seule. Vérifiez les droits d’accès du fichier et de son dossier.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>Impossible d’utiliser %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The Qt SQL driver for %1 is not installed.</source>
        <translation>Le pilote Qt SQL pour %1 n’est pas installé.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Impossible de créer la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no such database: %1. Nothing was created.</source>
        <translation>Cette base de données n’existe pas&#xa0;: %1. Rien n’a été créé.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not signed by the CA certificate given (sslrootcert): check that the file is your server&apos;s CA, or ask its administrator for it.</source>
        <translation>Le certificat du serveur n’est pas signé par le certificat d’AC indiqué (sslrootcert)&#xa0;: vérifiez que le fichier est bien l’AC de votre serveur, ou demandez-la à son administrateur.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was made for another host name: connect with the name the certificate names.</source>
        <translation>Le certificat du serveur a été établi pour un autre nom d’hôte&#xa0;: connectez-vous avec le nom qu’il indique.</translation>
    </message>
    <message>
        <source>Check the user name and the password.</source>
        <translation>Vérifiez le nom d’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The server asks for a password: enter it, or put it in ~/.pgpass.</source>
        <translation>Le serveur demande un mot de passe&#xa0;: saisissez-le, ou inscrivez-le dans ~/.pgpass.</translation>
    </message>
    <message>
        <source>The server does not offer encryption; choose another TLS mode only if your network is trusted.</source>
        <translation>Le serveur ne propose pas de chiffrement&#x202f;; choisissez un autre mode TLS seulement si votre réseau est de confiance.</translation>
    </message>
    <message>
        <source>Choose the CA certificate of your server (sslrootcert), or ask its administrator for it.</source>
        <translation>Choisissez le certificat de l’AC de votre serveur (sslrootcert), ou demandez-le à son administrateur.</translation>
    </message>
</context>
<context>
    <name>DatabaseFileChooser</name>
    <message>
        <source>Employee Records databases (*.sqlite *.sqlite3 *.db)</source>
        <translation>Bases de données Employee Records (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <source>“%1” is the database that is open now; choose another name.</source>
        <translation>«&#xa0;%1&#xa0;» est la base de données actuellement ouverte&#x202f;; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>“%1” cannot be replaced.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être remplacé.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
</context>
<context>
    <name>DatabaseHistoryPanel</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Person: name or email</source>
        <translation>Personne : nom ou e-mail</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Changes of the employees whose name, email or phone starts with these words</source>
        <translation>Modifications des employés dont le nom, l’e-mail ou le téléphone commence par ces mots</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Changes made by the user or database role whose name starts with this</source>
        <translation>Modifications faites par l’utilisateur ou le rôle de base de données dont le nom commence ainsi</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>History of all employees</source>
        <translation>Historique de tous les employés</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n change(s)</source>
        <translation>
            <numerusform>au moins %n modification</numerusform>
            <numerusform>au moins %n modifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>&apos;%1&apos; is not a PostgreSQL URL; expected postgresql://user:password@host:port/dbname</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une URL PostgreSQL&#x202f;; format attendu&#xa0;: postgresql://utilisateur:mot_de_passe@hôte:port/nom_base</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection parameter Employee Records passes on (it takes %2).</source>
        <translation>« %1 » n’est pas un paramètre de connexion qu’Employee Records transmet (il accepte %2).</translation>
    </message>
    <message>
        <source>The value of &apos;%1&apos; must be one word without spaces, quotes or &apos;;&apos;.</source>
        <translation>La valeur de « %1 » doit être un seul mot, sans espace, guillemet ni « ; ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a service name (letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; only).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de service (lettres, chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;» et «&#xa0;-&#xa0;» uniquement).</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
</context>
<context>
    <name>DatabaseStatusLabel</name>
    <message>
        <source>Database: %1 (read-only for your role)</source>
        <translation>Base de données : %1 (lecture seule pour votre rôle)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database %1 on PostgreSQL %2, as user %3, %4</source>
        <translation>Base de données %1 sur PostgreSQL %2, en tant que %3, %4</translation>
    </message>
    <message>
        <source>Connection to %1 lost; reconnecting…</source>
        <translation>Connexion à %1 perdue&#x202f;; reconnexion…</translation>
    </message>
</context>
<context>
    <name>DateColumns</name>
    <message>
        <source>the dates in column &apos;%1&apos; can be read day first or month first (such as &apos;%2&apos;); say which with --date-order DMY or --date-order MDY</source>
        <translation>les dates de la colonne « %1 » peuvent se lire jour d’abord ou mois d’abord (par exemple « %2 ») ; précisez avec --date-order DMY ou --date-order MDY</translation>
    </message>
    <message>
        <source>the dates in column &apos;%1&apos; are written both day first (&apos;%2&apos;) and month first (&apos;%3&apos;); correct them or say which to read with --date-order DMY or MDY</source>
        <translation>les dates de la colonne « %1 » sont écrites tantôt jour d’abord (« %2 »), tantôt mois d’abord (« %3 ») ; corrigez-les ou indiquez comment les lire avec --date-order DMY ou MDY</translation>
    </message>
    <message>
        <source>The leaving date</source>
        <translation>La date de départ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; can be read day first or month first; say which with --date-order</source>
        <translation>%1 « %2 » peut se lire jour d’abord ou mois d’abord ; précisez avec --date-order</translation>
    </message>
    <message>
        <source>%1 must be a date such as 1980-12-31, 31.12.1980 or %2, not &apos;%3&apos;</source>
        <translation>%1 doit être une date comme 1980-12-31, 31.12.1980 ou %2, et non « %3 »</translation>
    </message>
    <message>
        <source>%1 must be a date such as 1980-12-31 or 31.12.1980, not &apos;%2&apos;</source>
        <translation>%1 doit être une date comme 1980-12-31 ou 31.12.1980, et non « %2 »</translation>
    </message>
</context>
<context>
    <name>DateOfBirthEdit</name>
    <message>
        <source>Not given</source>
        <translation>Non indiquée</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Cet employé n’existe plus.</translation>
    </message>
    <message>
        <source>This employee keeps being changed by someone else; it was not deleted.</source>
        <translation>Cet employé est sans cesse modifié par quelqu’un d’autre&#x202f;; il n’a pas été supprimé.</translation>
    </message>
    <message>
        <source>Delete Employee</source>
        <translation>Supprimer l’employé</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1&#x202f;?</translation>
    </message>
    <message>
        <source>Their profile (date of birth, team, address, gender, bio and photo) is deleted with them. This cannot be undone.</source>
        <translation>Son profil (date de naissance, équipe, adresse, genre, biographie et photo) est supprimé avec lui. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since it was shown. Delete it anyway?</source>
        <translation>%1 a été modifié par quelqu’un d’autre depuis son affichage. Le supprimer quand même&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DriverErrorMapper</name>
    <message>
        <source>Another employee already uses this email address.</source>
        <translation>Un autre employé utilise déjà cette adresse e-mail.</translation>
    </message>
    <message>
        <source>Another employee already uses this phone number.</source>
        <translation>Un autre employé utilise déjà ce numéro de téléphone.</translation>
    </message>
    <message>
        <source>A team with this name already exists.</source>
        <translation>Une équipe portant ce nom existe déjà.</translation>
    </message>
    <message>
        <source>This employee already has a profile.</source>
        <translation>Cet employé a déjà un profil.</translation>
    </message>
    <message>
        <source>The chosen team does not exist.</source>
        <translation>L’équipe choisie n’existe pas.</translation>
    </message>
    <message>
        <source>The database is locked by another program; nothing was saved. Try again in a moment.</source>
        <translation>La base de données est verrouillée par un autre programme&#x202f;; rien n’a été enregistré. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database is read-only; nothing was saved.</source>
        <translation>La base de données est en lecture seule&#x202f;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Database error; nothing was saved: %1</source>
        <translation>Erreur de base de données&#x202f;; rien n’a été enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>EmployeeArchive</name>
    <message>
        <source>This employee was changed or deleted by someone else since it was shown.</source>
        <translation>Cet employé a été modifié ou supprimé par quelqu’un d’autre depuis son affichage.</translation>
    </message>
    <message>
        <source>This employee is no longer in the archive.</source>
        <translation>Cet employé n’est plus dans les archives.</translation>
    </message>
</context>
<context>
    <name>EmployeeEditDialog</name>
    <message>
        <source>Employee [*]</source>
        <translation>Employé [*]</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;mail&#xa0;:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@example.com</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>+1 555 0100</source>
        <translation>+33 1 23 45 67 89</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Date de naissance&#xa0;:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Clear date of birth</source>
        <translation>Effacer la date de naissance</translation>
    </message>
    <message>
        <source>Clear the date of birth</source>
        <translation>Effacer la date de naissance</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>É&amp;quipe&#xa0;:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>Remove the employee from their team</source>
        <translation>Retirer l’employé de son équipe</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Genre&#xa0;:</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation>&amp;Biographie&#xa0;:</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biographie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>New Employee[*]</source>
        <translation>Nouvel employé[*]</translation>
    </message>
    <message>
        <source>%1[*] – New Employee</source>
        <translation>%1[*] – Nouvel employé</translation>
    </message>
    <message>
        <source>%1[*] – Edit Employee</source>
        <translation>%1[*] – Modifier l’employé</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>Sans nom</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This employee has unsaved changes. Save them before closing?</source>
        <translation>Cet employé a des modifications non enregistrées. Les enregistrer avant de fermer&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Cet employé a été supprimé par quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>Deleted by Someone Else</source>
        <translation>Supprimé par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else. Save what the form shows as a new employee, or discard it?</source>
        <translation>Cet employé a été supprimé par quelqu’un d’autre. Enregistrer le contenu du formulaire comme nouvel employé, ou l’abandonner&#x202f;?</translation>
    </message>
    <message>
        <source>Save as &amp;New</source>
        <translation>Enregistrer comme &amp;nouveau</translation>
    </message>
    <message>
        <source>Back to the Form</source>
        <translation>Retour au formulaire</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else. Saving offers to keep what the form shows as a new employee.</source>
        <translation>Cet employé a été supprimé par quelqu’un d’autre. L’enregistrement propose de conserver le contenu du formulaire comme nouvel employé.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Your database role may only read employees: this form is for viewing.</source>
        <translation>Votre rôle dans la base de données ne permet que de lire les employés : ce formulaire sert à consulter.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <source>Show the version saved elsewhere instead of your changes</source>
        <translation>Afficher la version enregistrée ailleurs à la place de vos modifications</translation>
    </message>
    <message>
        <source>Someone else saved this employee at %1.</source>
        <translation>Quelqu’un d’autre a enregistré cet employé le %1.</translation>
    </message>
    <message>
        <source>Changed by %1 at %2.</source>
        <translation>Modifié par %1 le %2.</translation>
    </message>
    <message>
        <source>The form shows their version.</source>
        <translation>Le formulaire affiche sa version.</translation>
    </message>
    <message>
        <source>Your changes are kept; Save asks which version to keep, Reload shows theirs.</source>
        <translation>Vos modifications sont conservées&#x202f;; Enregistrer demande quelle version garder, Recharger affiche l’autre.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Discard your changes in this form and show the saved version?</source>
        <translation>Abandonner vos modifications dans ce formulaire et afficher la version enregistrée&#x202f;?</translation>
    </message>
    <message>
        <source>The form shows the saved version.</source>
        <translation>Le formulaire affiche la version enregistrée.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Export Employee&apos;s Data…</source>
        <translation>&amp;Exporter les données de l’employé…</translation>
    </message>
    <message>
        <source>Save everything stored about this employee, their history included, as a PDF or JSON file (right of access)</source>
        <translation>Enregistrer tout ce qui est conservé sur cet employé, historique compris, dans un fichier PDF ou JSON (droit d’accès)</translation>
    </message>
    <message>
        <source>It holds the saved version, without your unsaved changes.</source>
        <translation>Il contient la version enregistrée, sans vos modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Your database role may only read: an export is recorded in the history, which it may not write.</source>
        <translation>Votre rôle de base de données ne peut que lire : un export est consigné dans l’historique, qu’il ne peut pas écrire.</translation>
    </message>
</context>
<context>
    <name>EmployeeRowSource</name>
    <message>
        <source>cannot read the employees: %1</source>
        <translation>impossible de lire les employés&#xa0;: %1</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>l’export a été annulé</translation>
    </message>
</context>
<context>
    <name>EmployeeStore</name>
    <message>
        <source>Another operation is still writing to the database.</source>
        <translation>Une autre opération est encore en train d’écrire dans la base de données.</translation>
    </message>
    <message>
        <source>A refused row could not be undone, so nothing was saved.</source>
        <translation>Une ligne refusée n’a pas pu être annulée&#x202f;; rien n’a donc été enregistré.</translation>
    </message>
    <message>
        <source>Database error; nothing was saved: %1</source>
        <translation>Erreur de base de données&#x202f;; rien n’a été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>An employee cannot be created while another one is being created.</source>
        <translation>Impossible de créer un employé pendant la création d’un autre.</translation>
    </message>
    <message>
        <source>The employee was not saved: %1</source>
        <translation>L’employé n’a pas été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The employee was not saved because no profile was created for it (the profile creator is not connected).</source>
        <translation>L’employé n’a pas été enregistré, car aucun profil n’a été créé pour lui (le créateur de profils n’est pas connecté).</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Cet employé a été supprimé par quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Cet employé n’existe plus.</translation>
    </message>
    <message>
        <source>The employee %1 does not exist.</source>
        <translation>L’employé %1 n’existe pas.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since you opened it.</source>
        <translation>Cet employé a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since it was shown.</source>
        <translation>Cet employé a été modifié par quelqu’un d’autre depuis son affichage.</translation>
    </message>
    <message>
        <source>Enter the date the employee left.</source>
        <translation>Saisissez la date de départ de l’employé.</translation>
    </message>
    <message>
        <source>The archive changed meanwhile; nothing was purged.</source>
        <translation>L’archive a changé entre-temps ; personne n’a été effacé.</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>EmployeeTabs</name>
    <message>
        <source>Employees</source>
        <translation>Employés</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Name, email or phone</source>
        <translation>Nom, e-mail ou téléphone</translation>
    </message>
</context>
<context>
    <name>EmployeeValidator</name>
    <message>
        <source>First name is required</source>
        <translation>Le prénom est obligatoire</translation>
    </message>
    <message numerus="yes">
        <source>First name is too long (at most %n characters)</source>
        <translation>
            <numerusform>Le prénom est trop long (%n caractère au maximum)</numerusform>
            <numerusform>Le prénom est trop long (%n caractères au maximum)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last name is required</source>
        <translation>Le nom est obligatoire</translation>
    </message>
    <message numerus="yes">
        <source>Last name is too long (at most %n characters)</source>
        <translation>
            <numerusform>Le nom est trop long (%n caractère au maximum)</numerusform>
            <numerusform>Le nom est trop long (%n caractères au maximum)</numerusform>
        </translation>
    </message>
    <message>
        <source>Email is required</source>
        <translation>L’e-mail est obligatoire</translation>
    </message>
    <message>
        <source>Email is not a valid address</source>
        <translation>L’e-mail n’est pas une adresse valide</translation>
    </message>
    <message>
        <source>Date of birth cannot be in the future</source>
        <translation>La date de naissance ne peut pas être dans le futur</translation>
    </message>
    <message>
        <source>Date of birth cannot be before 1900-01-01</source>
        <translation>La date de naissance ne peut pas être antérieure au 1900-01-01</translation>
    </message>
    <message numerus="yes">
        <source>Address is too long (at most %n characters)</source>
        <translation>
            <numerusform>L’adresse est trop longue (%n caractère au maximum)</numerusform>
            <numerusform>L’adresse est trop longue (%n caractères au maximum)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bio is too long (at most %n characters)</source>
        <translation>
            <numerusform>La biographie est trop longue (%n caractère au maximum)</numerusform>
            <numerusform>La biographie est trop longue (%n caractères au maximum)</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo is too large (at most 5 MB)</source>
        <translation>La photo est trop volumineuse (5 Mo au maximum)</translation>
    </message>
    <message>
        <source>Team is not valid</source>
        <translation>L’équipe n’est pas valide</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Excel Workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV pour Excel (*.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1 en cours…</translation>
    </message>
    <message>
        <source>“%1” was not written: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été écrit&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>%n employé exporté vers %1.</numerusform>
            <numerusform>%n employés exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” already exists. Do you want to replace it?</source>
        <translation>« %1 » existe déjà. Voulez-vous le remplacer ?</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>The database could not be opened for the export.</source>
        <translation>La base de données n’a pas pu être ouverte pour l’export.</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Non précisé</translation>
    </message>
</context>
<context>
    <name>GuiRunner</name>
    <message>
        <source>Employee Records</source>
        <translation>Employee Records</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>La base de données n’a pas pu être ouverte.</translation>
    </message>
</context>
<context>
    <name>HeaderMatcher</name>
    <message>
        <source>--map &apos;%1=%2&apos;: there is no field &apos;%2&apos;; the fields are %3</source>
        <translation>--map « %1=%2 » : il n’y a pas de champ « %2 » ; les champs sont %3</translation>
    </message>
    <message>
        <source>the columns &apos;%1&apos; and &apos;%2&apos; both mean &apos;%3&apos;; remove one, or say which to read with --map</source>
        <translation>les colonnes « %1 » et « %2 » signifient toutes deux « %3 » ; supprimez-en une ou indiquez laquelle lire avec --map</translation>
    </message>
    <message>
        <source>the header has no column for &apos;%1&apos;; it is required (name a column with --map &quot;Header=%1&quot;)</source>
        <translation>l’en-tête n’a pas de colonne pour « %1 » ; elle est obligatoire (désignez une colonne avec --map &quot;En-tête=%1&quot;)</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <source>Created the missing profiles of %n employee(s).</source>
        <translation>
            <numerusform>Le profil manquant de %n employé a été créé.</numerusform>
            <numerusform>Les profils manquants de %n employés ont été créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n employee(s) with their profiles</source>
        <translation>
            <numerusform>%n employé importé avec son profil</numerusform>
            <numerusform>%n employés importés avec leurs profils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n ligne refusée.</numerusform>
            <numerusform>%n lignes refusées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>%n employé exporté vers %1.</numerusform>
            <numerusform>%n employés exportés vers %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database is consistent: %n employee(s), each with exactly one profile.</source>
        <translation>
            <numerusform>La base de données est cohérente&#xa0;: %n employé, avec exactement un profil.</numerusform>
            <numerusform>La base de données est cohérente&#xa0;: %n employés, chacun avec exactement un profil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problème trouvé.</numerusform>
            <numerusform>%n problèmes trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>No employee has the email address %1.</source>
        <translation>Aucun employé n’a l’adresse e-mail %1.</translation>
    </message>
    <message>
        <source>Nothing was purged: %1</source>
        <translation>Rien n’a été effacé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n archived employee(s) would be purged; nothing was changed (--dry-run).</source>
        <translation>
            <numerusform>%n employé archivé serait effacé&#x202f;; rien n’a été modifié (--dry-run).</numerusform>
            <numerusform>%n employés archivés seraient effacés&#x202f;; rien n’a été modifié (--dry-run).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>%n employé archivé parti avant le %1 effacé.</numerusform>
            <numerusform>%n employés archivés partis avant le %1 effacés.</numerusform>
        </translation>
    </message>
    <message>
        <source>No employee, current or archived, has the email address %1.</source>
        <translation>Aucun employé, actuel ou archivé, n’a l’adresse e-mail %1.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Rien n’a été exporté : %1</translation>
    </message>
    <message>
        <source>Exported the data of %1 to %2.</source>
        <translation>Les données de %1 ont été exportées dans %2.</translation>
    </message>
    <message>
        <source>The roles %1 (read), %2 (read, change and archive employees and profiles) and %3 (also deleting for good, teams and schema upgrades) are set up. Add a person with: CREATE ROLE name LOGIN PASSWORD &apos;…&apos; IN ROLE %2;</source>
        <translation>Les rôles %1 (lecture), %2 (lecture, modification et archivage des employés et des profils) et %3 (également la suppression définitive, les équipes et les mises à jour du schéma) sont en place. Ajoutez une personne avec : CREATE ROLE nom LOGIN PASSWORD &apos;…&apos; IN ROLE %2;</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque : %1</translation>
    </message>
    <message numerus="yes">
        <source>Dry run, nothing was changed: %n employee(s) would be added</source>
        <translation>
            <numerusform>Essai, rien n’a été modifié&#xa0;: %n employé serait ajouté</numerusform>
            <numerusform>Essai, rien n’a été modifié&#xa0;: %n employés seraient ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mis à jour</numerusform>
            <numerusform>%n mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left unchanged</source>
        <translation>
            <numerusform>%n inchangé</numerusform>
            <numerusform>%n inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignoré</numerusform>
            <numerusform>%n ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be refused.</source>
        <translation>
            <numerusform>%n ligne serait refusée.</numerusform>
            <numerusform>%n lignes seraient refusées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Every change to the employees and teams: who, when, from where, old and new value</source>
        <translation>Chaque modification des employés et des équipes : qui, quand, d’où, ancienne et nouvelle valeur</translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message>
        <source>another tool</source>
        <translation>un autre outil</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>rôle %1</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>import de %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <source>window</source>
        <translation>fenêtre</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>archived, left on %1</source>
        <translation>archivé, parti le %1</translation>
    </message>
    <message>
        <source>restored from the archive</source>
        <translation>restauré depuis les archives</translation>
    </message>
    <message>
        <source>export from the command line</source>
        <translation>export depuis la ligne de commande</translation>
    </message>
    <message>
        <source>export from the window</source>
        <translation>export depuis la fenêtre</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporté</translation>
    </message>
    <message>
        <source>exported (%1)</source>
        <translation>exporté (%1)</translation>
    </message>
    <message>
        <source>another tool (%1)</source>
        <translation>un autre outil (%1)</translation>
    </message>
    <message>
        <source>purge</source>
        <translation>purge</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>purgé</translation>
    </message>
    <message numerus="yes">
        <source>imported %n employee(s)</source>
        <translation>
            <numerusform>%n employé importé</numerusform>
            <numerusform>%n employés importés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Restore This &amp;Value</source>
        <translation>Rétablir cette &amp;valeur</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Put this field&apos;s earlier value back into the form</source>
        <translation>Remettre la valeur précédente de ce champ dans le formulaire</translation>
    </message>
    <message>
        <source>Put every field of this save back as it was before it</source>
        <translation>Remettre chaque champ de cet enregistrement tel qu’il était avant</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>A photo</source>
        <translation>Une photo</translation>
    </message>
    <message>
        <source>Restore This Versi&amp;on</source>
        <translation>Rétablir cette versi&amp;on</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Left on %1</source>
        <translation>Parti le %1</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporté</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Équipe %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>(purgé)</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <source>team name</source>
        <translation>nom de l’équipe</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>This window cannot import: it has no way to open the database a second time.</source>
        <translation>Cette fenêtre ne peut pas importer&#xa0;: elle ne peut pas ouvrir la base de données une seconde fois.</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>Importation de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Saving %Ln employee(s) and updating the indexes…</source>
        <translation>
            <numerusform>Enregistrement de %Ln employé et mise à jour des index…</numerusform>
            <numerusform>Enregistrement de %Ln employés et mise à jour des index…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from “%1”: %2</source>
        <translation>Rien n’a été importé depuis «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s) imported.</source>
        <translation>
            <numerusform>%Ln employé importé.</numerusform>
            <numerusform>%Ln employés importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) rejected; see the details.</source>
        <translation>
            <numerusform>%Ln ligne refusée&#x202f;; voir les détails.</numerusform>
            <numerusform>%Ln lignes refusées&#x202f;; voir les détails.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import Running</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <source>An import is still running. Cancel it and close? Nothing of it will be kept.</source>
        <translation>Une importation est encore en cours. L’annuler et fermer&#x202f;? Rien n’en sera conservé.</translation>
    </message>
    <message>
        <source>Cancel Import and &amp;Close</source>
        <translation>Annuler l’importation et &amp;fermer</translation>
    </message>
    <message>
        <source>&amp;Keep Importing</source>
        <translation>&amp;Continuer l’importation</translation>
    </message>
    <message>
        <source>Save Re&amp;fused Rows…</source>
        <translation>Enregistrer les lignes re&amp;fusées…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>barre verticale</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>Importer « %1 »</translation>
    </message>
    <message>
        <source>Create &amp;missing teams</source>
        <translation>Créer les équipes &amp;manquantes</translation>
    </message>
    <message>
        <source>A team the file names that does not exist yet is created instead of refusing the row.</source>
        <translation>Une équipe nommée dans le fichier qui n’existe pas encore est créée au lieu de refuser la ligne.</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encodage :</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Séparateur :</translation>
    </message>
    <message>
        <source>Dates &amp;written as:</source>
        <translation>&amp;Dates écrites :</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Runs the whole import and then undoes it: shows what each row would do, changes nothing.</source>
        <translation>Exécute toute l’importation puis l’annule : montre ce que chaque ligne ferait, sans rien modifier.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>Test runs the import without saving anything and lists what each row would do.</source>
        <translation>« Tester » exécute l’importation sans rien enregistrer et indique ce que chaque ligne ferait.</translation>
    </message>
    <message>
        <source>Saves the refused rows as a CSV file with a reason column, to correct and import again.</source>
        <translation>Enregistre les lignes refusées dans un fichier CSV avec une colonne de motif, à corriger et importer à nouveau.</translation>
    </message>
    <message>
        <source>&amp;Preview (first %1 rows)</source>
        <translation>&amp;Aperçu (%1 premières lignes)</translation>
    </message>
    <message>
        <source>Test &amp;Results</source>
        <translation>&amp;Résultats du test</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Day first (31.12.1980, 31/12/1980)</source>
        <translation>Jour d’abord (31.12.1980, 31/12/1980)</translation>
    </message>
    <message>
        <source>Month first (12/31/1980)</source>
        <translation>Mois d’abord (12/31/1980)</translation>
    </message>
    <message>
        <source>Year first (1980-12-31)</source>
        <translation>Année d’abord (1980-12-31)</translation>
    </message>
    <message>
        <source>Refuse the row</source>
        <translation>Refuser la ligne</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Ignorer la ligne</translation>
    </message>
    <message>
        <source>Update the employee</source>
        <translation>Mettre à jour l’employé</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <source>Two columns are imported as “%1”; set one of them to Ignore.</source>
        <translation>Deux colonnes sont importées comme « %1 » ; réglez l’une d’elles sur Ignorer.</translation>
    </message>
    <message>
        <source>Choose the column to import as “%1”: it is required.</source>
        <translation>Choisissez la colonne à importer comme « %1 » : elle est obligatoire.</translation>
    </message>
    <message>
        <source>The dates in “%1” can be read day first or month first (such as %2): choose how they are written.</source>
        <translation>Les dates de « %1 » peuvent se lire jour d’abord ou mois d’abord (par exemple %2) : choisissez comment elles sont écrites.</translation>
    </message>
    <message>
        <source>The dates in “%1” are written both day first (%2) and month first (%3): choose one order; rows in the other are refused.</source>
        <translation>Les dates de « %1 » sont écrites tantôt jour d’abord (%2), tantôt mois d’abord (%3) : choisissez un ordre ; les lignes dans l’autre sont refusées.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Le fichier ne peut pas être importé : %1</translation>
    </message>
    <message>
        <source>Would add: %1 · would update: %2 · unchanged: %3 · skipped: %4 · refused: %5. Nothing was changed.</source>
        <translation>Ajouts : %1 · mises à jour : %2 · inchangées : %3 · ignorées : %4 · refusées : %5. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Employees that e&amp;xist (same email):</source>
        <translation>Employés e&amp;xistants (même e-mail) :</translation>
    </message>
    <message>
        <source>Save Re&amp;fused Rows…</source>
        <translation>Enregistrer les lignes re&amp;fusées…</translation>
    </message>
</context>
<context>
    <name>ImportFieldNames</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biographie</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Parti le</translation>
    </message>
    <message>
        <source>Leaving reason</source>
        <translation>Motif du départ</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>The database could not be opened for the import.</source>
        <translation>La base de données n’a pas pu être ouverte pour l’importation.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>Impossible d’ouvrir « %1 » : %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
</context>
<context>
    <name>ImportReversal</name>
    <message>
        <source>Some of the imported employees changed just now.</source>
        <translation>Certains des employés importés viennent d’être modifiés.</translation>
    </message>
</context>
<context>
    <name>ImportStep</name>
    <message>
        <source>Import of %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <source>Nothing was changed. Try again.</source>
        <translation>Rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>The import could not be undone: %1</source>
        <translation>L’importation n’a pas pu être annulée : %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n employee(s) that the import of %1 added.</source>
        <translation>
            <numerusform>%n employé ajouté par l’importation de %1 a été retiré.</numerusform>
            <numerusform>%n employés ajoutés par l’importation de %1 ont été retirés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) were changed or archived since and were left as they are: %1.</source>
        <translation>
            <numerusform>%n employé a été modifié ou archivé depuis et reste tel quel : %1.</numerusform>
            <numerusform>%n employés ont été modifiés ou archivés depuis et restent tels quels : %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import of %1 was too large to be redone from memory; import the file again.</source>
        <translation>L’importation de %1 était trop volumineuse pour être rétablie de mémoire ; importez à nouveau le fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) of the import of %1 could not be added again (their email or phone is taken now); nothing was added.</source>
        <translation>
            <numerusform>%n employé de l’importation de %1 n’a pas pu être ajouté à nouveau (son e-mail ou son téléphone est désormais pris) ; rien n’a été ajouté.</numerusform>
            <numerusform>%n employés de l’importation de %1 n’ont pas pu être ajoutés à nouveau (leur e-mail ou téléphone est désormais pris) ; rien n’a été ajouté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added the %n employee(s) of the import of %1 again.</source>
        <translation>
            <numerusform>L’employé de l’importation de %1 a été ajouté à nouveau (%n).</numerusform>
            <numerusform>Les %n employés de l’importation de %1 ont été ajoutés à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import could not be redone: %1</source>
        <translation>L’importation n’a pas pu être rétablie : %1</translation>
    </message>
</context>
<context>
    <name>ImportTeams</name>
    <message>
        <source>unknown team &apos;%1&apos;, and your role on the server may not create teams (--create-teams needs the %2 role; ask an administrator to create it)</source>
        <translation>équipe « %1 » inconnue, et votre rôle sur le serveur ne peut pas créer d&apos;équipes (--create-teams nécessite le rôle %2 ; demandez à un administrateur de la créer)</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; could not be created: %2</source>
        <translation>l&apos;équipe « %1 » n&apos;a pas pu être créée : %2</translation>
    </message>
</context>
<context>
    <name>ImportUpdater</name>
    <message>
        <source>email: an archived employee has this email; restore them first</source>
        <translation>email&#xa0;: un employé archivé a cette adresse e-mail&#xa0;; restaurez-le d’abord</translation>
    </message>
    <message>
        <source>the employee with this email could not be read</source>
        <translation>l’employé ayant cette adresse e-mail n’a pas pu être lu</translation>
    </message>
    <message>
        <source>phone: %1 belongs to another employee</source>
        <translation>phone&#xa0;: %1 appartient à un autre employé</translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>The check could not run: %1</source>
        <translation>La vérification n’a pas pu être effectuée&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more like this.</source>
        <translation>
            <numerusform>… et %n autre du même type.</numerusform>
            <numerusform>… et %n autres du même type.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>Le fichier de base de données est endommagé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Employee %1 has no profile.</source>
        <translation>L’employé %1 n’a pas de profil.</translation>
    </message>
    <message>
        <source>Employee %1 has more than one profile.</source>
        <translation>L’employé %1 a plus d’un profil.</translation>
    </message>
    <message>
        <source>Profile %1 belongs to no existing employee.</source>
        <translation>Le profil %1 n’appartient à aucun employé existant.</translation>
    </message>
    <message>
        <source>Profile %1 refers to a team that does not exist.</source>
        <translation>Le profil %1 fait référence à une équipe qui n’existe pas.</translation>
    </message>
    <message>
        <source>Archived employee %1 has no profile.</source>
        <translation>L’employé archivé %1 n’a pas de profil.</translation>
    </message>
    <message>
        <source>Employee %1 is both archived and current.</source>
        <translation>L’employé %1 est à la fois archivé et actuel.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>&amp;Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies the next time you start Employee Records.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage d’Employee Records.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main Toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Delete Employee</source>
        <translation>Supprimer l’employé</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>Afficher la &amp;barre d’outils</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>Afficher la barre d’é&amp;tat</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employé</numerusform>
            <numerusform>%n employés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – Employee Records</source>
        <translation>%1 – Employee Records</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Employé ajouté&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Modifications enregistrées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>Impossible de supprimer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Deleted %1 and their profile.</source>
        <translation>%1 et son profil ont été supprimés.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée&#x202f;; rien n’a été importé.</translation>
    </message>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Cet employé n’existe plus.</translation>
    </message>
    <message>
        <source>Importing “%1”: adding, editing and deleting employees, teams and databases wait until it ends.</source>
        <translation>Importation de «&#xa0;%1&#xa0;»&#xa0;: ajouter, modifier ou supprimer des employés, des équipes et des bases de données attendra la fin.</translation>
    </message>
    <message>
        <source>An import is running; try again when it has ended.</source>
        <translation>Une importation est en cours&#x202f;; réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>The server ended the connection (%1). What you see stays; nothing can be saved until it is back.</source>
        <translation>Le serveur a mis fin à la connexion (%1). Ce qui est affiché reste&#x202f;; rien ne peut être enregistré avant son retour.</translation>
    </message>
    <message>
        <source>An undo is running; try again when it has ended.</source>
        <translation>Une annulation est en cours ; réessayez lorsqu’elle sera terminée.</translation>
    </message>
    <message>
        <source>An undo is running; close the window when it has ended.</source>
        <translation>Une annulation est en cours ; fermez la fenêtre lorsqu’elle sera terminée.</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <source>Create an empty employee database file and open it</source>
        <translation>Créer un fichier de base de données vide et l’ouvrir</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Open an existing employee database file</source>
        <translation>Ouvrir un fichier de base de données existant</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Add employees from a CSV file</source>
        <translation>Ajouter des employés depuis un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;New Employee</source>
        <translation>&amp;Nouvel employé</translation>
    </message>
    <message>
        <source>Add an employee (their profile is created with them)</source>
        <translation>Ajouter un employé (son profil est créé avec lui)</translation>
    </message>
    <message>
        <source>&amp;Edit Employee</source>
        <translation>&amp;Modifier l’employé</translation>
    </message>
    <message>
        <source>Edit the selected employee and their profile (Enter or double-click)</source>
        <translation>Modifier l’employé sélectionné et son profil (Entrée ou double-clic)</translation>
    </message>
    <message>
        <source>&amp;Teams…</source>
        <translation>É&amp;quipes…</translation>
    </message>
    <message>
        <source>Add, rename and delete teams</source>
        <translation>Ajouter, renommer et supprimer des équipes</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Search employees by name, email or phone</source>
        <translation>Rechercher des employés par nom, e-mail ou téléphone</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>&amp;Employés</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profils</translation>
    </message>
    <message>
        <source>&amp;About Employee Records</source>
        <translation>À &amp;propos d’Employee Records</translation>
    </message>
    <message>
        <source>New Employee (%1)</source>
        <translation>Nouvel employé (%1)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>New Employee</source>
        <translation>Nouvel employé</translation>
    </message>
    <message>
        <source>Edit Employee</source>
        <translation>Modifier l’employé</translation>
    </message>
    <message>
        <source>Your database role may only read employees.</source>
        <translation>Votre rôle dans la base de données ne permet que de lire les employés.</translation>
    </message>
    <message>
        <source>Your database role may not change teams.</source>
        <translation>Votre rôle dans la base de données ne permet pas de modifier les équipes.</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Se connecter à un &amp;serveur…</translation>
    </message>
    <message>
        <source>Open the employee database on a PostgreSQL server shared with your colleagues</source>
        <translation>Ouvrir la base de données des employés sur un serveur PostgreSQL partagé avec vos collègues</translation>
    </message>
    <message>
        <source>&amp;Recent Servers</source>
        <translation>Serveurs &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Archive Employee…</source>
        <translation>&amp;Archiver l’employé…</translation>
    </message>
    <message>
        <source>The selected employee left: hide them from the views, keeping their records</source>
        <translation>L’employé sélectionné est parti&#xa0;: le masquer des vues en gardant ses données</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Erase the selected employee and their profile for good (for mistakes)</source>
        <translation>Effacer définitivement l’employé sélectionné et son profil (en cas d’erreur)</translation>
    </message>
    <message>
        <source>Archive Employee…</source>
        <translation>Archiver l’employé…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Take back your last change (a new, recorded change)</source>
        <translation>Reprendre votre dernière modification (une nouvelle modification, enregistrée)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Do again the change you took back</source>
        <translation>Refaire la modification reprise</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>Only an administrator may delete employees permanently; archive them instead.</source>
        <translation>Seul un administrateur peut supprimer définitivement des employés ; archivez-les plutôt.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Write every employee and profile to an Excel workbook or a CSV file</source>
        <translation>Écrire tous les employés et profils dans un classeur Excel ou un fichier CSV</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <source>No secret service (such as GNOME Keyring or KWallet) answers, so the password cannot be kept safely; it is not stored anywhere else. (%1)</source>
        <translation>Aucun trousseau (comme GNOME Keyring ou KWallet) ne répond&#xa0;: le mot de passe ne peut pas être conservé en sécurité, et il n’est enregistré nulle part ailleurs. (%1)</translation>
    </message>
</context>
<context>
    <name>PersonalDataExport</name>
    <message>
        <source>Cannot read the employee: %1</source>
        <translation>Impossible de lire l’employé : %1</translation>
    </message>
    <message>
        <source>No employee has the id %1.</source>
        <translation>Aucun employé n’a le numéro %1.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>Impossible d’écrire « %1 » : %2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>Impossible d’enregistrer « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>PersonalDataExportController</name>
    <message>
        <source>Export Employee&apos;s Data</source>
        <translation>Exporter les données de l’employé</translation>
    </message>
    <message>
        <source>PDF document, readable (*.pdf)</source>
        <translation>Document PDF, lisible (*.pdf)</translation>
    </message>
    <message>
        <source>JSON file, for other programs (*.json)</source>
        <translation>Fichier JSON, pour d’autres programmes (*.json)</translation>
    </message>
    <message>
        <source>%1 - personal data</source>
        <translation>%1 - données personnelles</translation>
    </message>
    <message>
        <source>The employee&apos;s data was exported to %1.</source>
        <translation>Les données de l’employé ont été exportées dans %1.</translation>
    </message>
    <message>
        <source>The employee&apos;s data was not exported to %1: %2</source>
        <translation>Les données de l’employé n’ont pas été exportées dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>PersonalDataFile</name>
    <message>
        <source>The document could not be rendered.</source>
        <translation>Le document n’a pas pu être produit.</translation>
    </message>
</context>
<context>
    <name>PersonalDataPdf</name>
    <message>
        <source>Personal data of %1</source>
        <translation>Données personnelles de %1</translation>
    </message>
    <message>
        <source>Everything Employee Records stores about this person (GDPR Art. 15), exported on %1 by %2. The JSON export holds the same data for machines.</source>
        <translation>Tout ce qu’Employee Records conserve sur cette personne (art. 15 du RGPD), exporté le %1 par %2. L’export JSON contient les mêmes données pour les machines.</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Archived (left)</source>
        <translation>Archivé (parti)</translation>
    </message>
    <message>
        <source>Current employee</source>
        <translation>Employé actuel</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Numéro de fiche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1, %n octet</numerusform>
            <numerusform>%1, %n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biographie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>No profile is stored.</source>
        <translation>Aucun profil n’est enregistré.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Parti le</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Archived at</source>
        <translation>Archivé le</translation>
    </message>
    <message numerus="yes">
        <source>History (%n change(s), newest first)</source>
        <translation>
            <numerusform>Historique (%n modification, la plus récente d’abord)</numerusform>
            <numerusform>Historique (%n modifications, les plus récentes d’abord)</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
</context>
<context>
    <name>PhoneNumberNormalizer</name>
    <message>
        <source>&apos;%1&apos; has no valid country code; write it as +&lt;country code&gt; &lt;number&gt;</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas d’indicatif pays valide&#x202f;; écrivez-le sous la forme +&lt;indicatif pays&gt; &lt;numéro&gt;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un numéro de téléphone</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too short to be a phone number</source>
        <translation>«&#xa0;%1&#xa0;» est trop court pour être un numéro de téléphone</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long to be a phone number</source>
        <translation>«&#xa0;%1&#xa0;» est trop long pour être un numéro de téléphone</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid phone number for region %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un numéro de téléphone valide pour la région %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too short for a phone number in region %2</source>
        <translation>«&#xa0;%1&#xa0;» est trop court pour un numéro de téléphone de la région %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long for a phone number in region %2</source>
        <translation>«&#xa0;%1&#xa0;» est trop long pour un numéro de téléphone de la région %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not have the length of a phone number in region %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas la longueur d’un numéro de téléphone de la région %2</translation>
    </message>
    <message>
        <source>Phone number is empty</source>
        <translation>Le numéro de téléphone est vide</translation>
    </message>
</context>
<context>
    <name>PhotoDecoder</name>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être lu.</translation>
    </message>
    <message>
        <source>“%1” is too large (%2); choose an image of at most %3.</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux (%2)&#x202f;; choisissez une image de %3 au maximum.</translation>
    </message>
    <message>
        <source>“%1” is not a JPEG or PNG image.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une image JPEG ou PNG.</translation>
    </message>
    <message>
        <source>“%1” could not be decoded: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être décodé&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” is too large (%2 × %3 pixels); choose an image of at most %4 pixels per side.</source>
        <translation>L’image «&#xa0;%1&#xa0;» est trop grande (%2 × %3 pixels)&#x202f;; choisissez une image de %4 pixels de côté au maximum.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Choose photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>Unreadable photo</source>
        <translation>Photo illisible</translation>
    </message>
    <message>
        <source>Photo set</source>
        <translation>Photo définie</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose Photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>JPEG and PNG images (*.jpg *.jpeg *.png)</source>
        <translation>Images JPEG et PNG (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ProfileTableModel</name>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>PurgeController</name>
    <message>
        <source>P&amp;urge Archived Employees…</source>
        <translation>P&amp;urger les employés archivés…</translation>
    </message>
    <message>
        <source>Erase the archived employees who left longer ago than the retention period</source>
        <translation>Effacer les employés archivés partis depuis plus longtemps que la durée de conservation</translation>
    </message>
    <message>
        <source>Your database role may not purge archived employees (an administrator&apos;s task).</source>
        <translation>Votre rôle de base de données ne peut pas purger les employés archivés (tâche d’un administrateur).</translation>
    </message>
    <message>
        <source>Purge Archived Employees</source>
        <translation>Purger les employés archivés</translation>
    </message>
    <message>
        <source>The archive changed while you were deciding; nothing was purged. Open Purge Archived Employees again to see who would be erased now.</source>
        <translation>Les archives ont changé pendant que vous décidiez ; rien n’a été purgé. Rouvrez « Purger les employés archivés » pour voir qui serait effacé maintenant.</translation>
    </message>
    <message>
        <source>Nothing was purged: %1</source>
        <translation>Rien n’a été purgé : %1</translation>
    </message>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>%n employé archivé parti avant le %1 a été purgé.</numerusform>
            <numerusform>%n employés archivés partis avant le %1 ont été purgés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history records the purge: who ran it, when and how many.</source>
        <translation>L’historique enregistre la purge : qui l’a lancée, quand et combien.</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n archived employee(s) who left before %1?</source>
        <translation>
            <numerusform>Effacer %n employé archivé parti avant le %1 ?</numerusform>
            <numerusform>Effacer %n employés archivés partis avant le %1 ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their employee records, profiles (date of birth, team, address, gender, bio, photo) and every value their history kept are erased and cannot be restored.</source>
        <translation>Leurs fiches, leurs profils (date de naissance, équipe, adresse, genre, bio, photo) et chaque valeur conservée dans leur historique sont effacés et ne peuvent pas être restaurés.</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Continuer…</translation>
    </message>
    <message numerus="yes">
        <source>Really erase %n employee(s) for good?</source>
        <translation>
            <numerusform>Vraiment effacer %n employé définitivement ?</numerusform>
            <numerusform>Vraiment effacer %n employés définitivement ?</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the last question. There is no undo.</source>
        <translation>C’est la dernière question. Il n’y a pas d’annulation.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Erase %n Employee(s)</source>
        <translation>
            <numerusform>&amp;Effacer %n employé</numerusform>
            <numerusform>&amp;Effacer %n employés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge Archived Employees</source>
        <translation>Purger les employés archivés</translation>
    </message>
    <message>
        <source>Data protection: erase the archived employees whose leaving date is older than the retention period, with their profiles and every value their history kept. The history keeps who purged, when and how many, nothing about them.</source>
        <translation>Protection des données : effacer les employés archivés dont la date de départ dépasse la durée de conservation, avec leurs profils et chaque valeur de leur historique. L’historique garde qui a purgé, quand et combien, rien sur eux.</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Retention period, years</source>
        <translation>Durée de conservation, années</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Retention period, months</source>
        <translation>Durée de conservation, mois</translation>
    </message>
    <message>
        <source>&amp;Keep archived employees for</source>
        <translation>&amp;Conserver les employés archivés pendant</translation>
    </message>
    <message>
        <source>after they left</source>
        <translation>après leur départ</translation>
    </message>
    <message>
        <source>Archived employees the purge would erase</source>
        <translation>Employés archivés que la purge effacerait</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>&amp;Purger…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No retention period is set, so nobody is purged. Set how long archived employees are kept after they left.</source>
        <translation>Aucune durée de conservation n’est définie, donc personne n’est purgé. Indiquez combien de temps les employés archivés sont conservés après leur départ.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, left on %3</source>
        <translation>%1 &lt;%2&gt;, parti le %3</translation>
    </message>
    <message>
        <source>Nobody in the archive left before %1.</source>
        <translation>Personne dans les archives n’est parti avant le %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n archived employee(s) left before %1 and would be erased:</source>
        <translation>
            <numerusform>%n employé archivé est parti avant le %1 et serait effacé :</numerusform>
            <numerusform>%n employés archivés sont partis avant le %1 et seraient effacés :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordChangeWriter</name>
    <message>
        <source>This employee has no profile to save into. Close the form and open it again.</source>
        <translation>Cet employé n’a pas de profil où enregistrer. Fermez le formulaire et rouvrez-le.</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Cet employé a été supprimé par quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since you opened it.</source>
        <translation>Cet employé a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.</translation>
    </message>
</context>
<context>
    <name>RecordFieldText</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biographie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non indiquée</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Équipe %1</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>A photo (%1 KB)</source>
        <translation>Une photo (%1 Ko)</translation>
    </message>
</context>
<context>
    <name>RecordSaveStep</name>
    <message>
        <source>Save of %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees (archived or deleted since); nothing was changed.</source>
        <translation>%1 ne fait plus partie des employés actuels (archivé ou supprimé depuis) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 already had these values.</source>
        <translation>%1 avait déjà ces valeurs.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Rien n’a été modifié ; l’étape reste dans Édition &gt; Annuler ou Rétablir.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 vient d’être modifié à nouveau ; rien n’a été modifié. Réessayez.</translation>
    </message>
</context>
<context>
    <name>RefusedRowsSaver</name>
    <message>
        <source>%1-refused.csv</source>
        <comment>file name: the imported file&apos;s name without .csv</comment>
        <translation>%1-refusees.csv</translation>
    </message>
    <message>
        <source>Save Refused Rows</source>
        <translation>Enregistrer les lignes refusées</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RejectedRowsWriter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>RowOutcomeModel</name>
    <message>
        <source>Would add</source>
        <translation>Serait ajoutée</translation>
    </message>
    <message>
        <source>Would update</source>
        <translation>Mettrait à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangée</translation>
    </message>
    <message>
        <source>Skipped (exists)</source>
        <translation>Ignorée (existe)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>This database was not created by Employee Records (it has other tables and no schema version). It was not modified.</source>
        <translation>Cette base de données n’a pas été créée par Employee Records (elle contient d’autres tables et aucune version de schéma). Elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Impossible de lire la version du schéma&#xa0;: %1</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Employee Records (schema version %1; this version knows up to %2). It was not modified; please update the application.</source>
        <translation>Cette base de données a été écrite par une version plus récente d’Employee Records (version de schéma %1&#x202f;; cette version connaît jusqu’à la %2). Elle n’a pas été modifiée&#x202f;; veuillez mettre à jour l’application.</translation>
    </message>
    <message>
        <source>Cannot start the schema upgrade: %1</source>
        <translation>Impossible de démarrer la mise à jour du schéma&#xa0;: %1</translation>
    </message>
    <message>
        <source>The schema upgrade from version %1 failed and was undone: %2</source>
        <translation>La mise à jour du schéma depuis la version %1 a échoué et a été annulée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The schema upgrade could not be saved: %1</source>
        <translation>La mise à jour du schéma n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your database role may not upgrade the schema. Ask an administrator (role %1) to open the database once with this version of Employee Records.</source>
        <translation>Votre rôle dans la base de données ne permet pas de mettre à jour le schéma. Demandez à un administrateur (rôle %1) d’ouvrir une fois la base avec cette version d’Employee Records.</translation>
    </message>
</context>
<context>
    <name>ServerConnectionInfo</name>
    <message>
        <source>encrypted (%1)</source>
        <translation>chiffrée (%1)</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>non chiffrée</translation>
    </message>
</context>
<context>
    <name>ServerConnector</name>
    <message>
        <source>No recent servers</source>
        <translation>Aucun serveur récent</translation>
    </message>
</context>
<context>
    <name>ServerProbe</name>
    <message>
        <source>The database %1 was written by a newer version of Employee Records; update this program first.</source>
        <translation>La base de données %1 a été écrite par une version plus récente d’Employee Records&#x202f;; mettez d’abord ce programme à jour.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (PostgreSQL %3), %4.</source>
        <translation>Connecté à %1 en tant que %2 (PostgreSQL %3), connexion %4.</translation>
    </message>
    <message>
        <source>The database has no employee records yet: connecting sets it up.</source>
        <translation>La base de données ne contient encore aucun employé&#xa0;: la connexion la prépare.</translation>
    </message>
    <message>
        <source>Its records are kept in an older format: connecting upgrades it, which needs the admin role.</source>
        <translation>Ses données sont dans un format plus ancien&#xa0;: la connexion la met à jour, ce qui demande le rôle admin.</translation>
    </message>
</context>
<context>
    <name>ServerRoles</name>
    <message>
        <source>Roles are a PostgreSQL server&apos;s; an SQLite file is protected by its file permissions.</source>
        <translation>Les rôles sont ceux d’un serveur PostgreSQL ; un fichier SQLite est protégé par ses droits d’accès.</translation>
    </message>
    <message>
        <source>Setting up the roles failed and was undone: %1</source>
        <translation>La mise en place des rôles a échoué et a été annulée : %1</translation>
    </message>
</context>
<context>
    <name>TeamComboBox</name>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
</context>
<context>
    <name>TeamRepository</name>
    <message>
        <source>A team needs a name.</source>
        <translation>Une équipe doit avoir un nom.</translation>
    </message>
    <message numerus="yes">
        <source>A team name can have at most %n characters.</source>
        <translation>
            <numerusform>Un nom d’équipe peut comporter au plus %n caractère.</numerusform>
            <numerusform>Un nom d’équipe peut comporter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A team with this name already exists.</source>
        <translation>Une équipe portant ce nom existe déjà.</translation>
    </message>
    <message>
        <source>This team no longer exists.</source>
        <translation>Cette équipe n’existe plus.</translation>
    </message>
    <message numerus="yes">
        <source>This team cannot be deleted: %n employee(s) belong to it. Move them to another team first.</source>
        <translation>
            <numerusform>Impossible de supprimer cette équipe&#xa0;: %n employé en fait partie. Déplacez-le d’abord dans une autre équipe.</numerusform>
            <numerusform>Impossible de supprimer cette équipe&#xa0;: %n employés en font partie. Déplacez-les d’abord dans une autre équipe.</numerusform>
        </translation>
    </message>
    <message>
        <source>This team was renamed or deleted meanwhile.</source>
        <translation>Cette équipe a été renommée ou supprimée entre-temps.</translation>
    </message>
</context>
<context>
    <name>TeamStep</name>
    <message>
        <source>New Team %1</source>
        <translation>Nouvelle équipe %1</translation>
    </message>
    <message>
        <source>Renaming Team %1</source>
        <translation>Renommage de l’équipe %1</translation>
    </message>
    <message>
        <source>Deleting Team %1</source>
        <translation>Suppression de l’équipe %1</translation>
    </message>
    <message>
        <source>Team %1 could not be created: %2</source>
        <translation>L’équipe %1 n’a pas pu être créée : %2</translation>
    </message>
    <message>
        <source>Created team %1.</source>
        <translation>Équipe %1 créée.</translation>
    </message>
    <message>
        <source>Team %1 no longer exists; nothing was changed.</source>
        <translation>L’équipe %1 n’existe plus ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>l’équipe %1</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Rien n’a été modifié ; l’étape reste dans Édition &gt; Annuler ou Rétablir.</translation>
    </message>
    <message>
        <source>Team %1 could not be deleted: %2</source>
        <translation>L’équipe %1 n’a pas pu être supprimée : %2</translation>
    </message>
    <message>
        <source>Deleted team %1.</source>
        <translation>Équipe %1 supprimée.</translation>
    </message>
    <message>
        <source>Team %1 could not be renamed: %2</source>
        <translation>L’équipe %1 n’a pas pu être renommée : %2</translation>
    </message>
    <message>
        <source>Renamed team %1 to %2.</source>
        <translation>Équipe %1 renommée en %2.</translation>
    </message>
    <message>
        <source>Nothing was changed. Try again.</source>
        <translation>Rien n’a été modifié. Réessayez.</translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>&amp;Teams:</source>
        <translation>É&amp;quipes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add Team</source>
        <translation>Ajouter une équipe</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Rename Team</source>
        <translation>Renommer l’équipe</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete Team</source>
        <translation>Supprimer l’équipe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The team could not be added.</source>
        <translation>L’équipe n’a pas pu être ajoutée.</translation>
    </message>
    <message>
        <source>The team could not be renamed.</source>
        <translation>L’équipe n’a pas pu être renommée.</translation>
    </message>
    <message>
        <source>The team could not be deleted.</source>
        <translation>L’équipe n’a pas pu être supprimée.</translation>
    </message>
    <message>
        <source>Name of the new team:</source>
        <translation>Nom de la nouvelle équipe&#xa0;:</translation>
    </message>
    <message>
        <source>A team needs a name.</source>
        <translation>Une équipe doit avoir un nom.</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Nouveau nom de «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Delete the team “%1”?</source>
        <translation>Supprimer l’équipe «&#xa0;%1&#xa0;»&#x202f;?</translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: %2</source>
        <translation>L’équipe «&#xa0;%1&#xa0;» ne peut pas être supprimée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>TransactionStack</name>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>The changes could not be saved: %1</source>
        <translation>Les modifications n’ont pas pu être enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Erreur de base de données&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>Someone else changed %1 after you added them. Undo deletes them, with their changes:</source>
        <translation>Quelqu’un d’autre a modifié %1 après que vous l’avez ajouté. Annuler le supprime, avec ces modifications :</translation>
    </message>
    <message>
        <source>Someone else changed %1 after your change. Undo replaces their values:</source>
        <translation>Quelqu’un d’autre a modifié %1 après votre modification. Annuler remplace ses valeurs :</translation>
    </message>
    <message>
        <source>Someone else changed %1 after your change. Redo replaces their values:</source>
        <translation>Quelqu’un d’autre a modifié %1 après votre modification. Rétablir remplace ses valeurs :</translation>
    </message>
    <message>
        <source>Undo Over Someone Else&apos;s Change</source>
        <translation>Annuler par-dessus la modification d’un autre</translation>
    </message>
    <message>
        <source>Redo Over Someone Else&apos;s Change</source>
        <translation>Rétablir par-dessus la modification d’un autre</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>After Undo</source>
        <translation>Après l’annulation</translation>
    </message>
    <message>
        <source>After Redo</source>
        <translation>Après le rétablissement</translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation>&amp;Supprimer quand même</translation>
    </message>
    <message>
        <source>&amp;Replace Their Values</source>
        <translation>&amp;Remplacer ses valeurs</translation>
    </message>
    <message>
        <source>&amp;Keep Their Values</source>
        <translation>&amp;Garder ses valeurs</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Annulé : %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Rétabli : %1.</translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation>Annulation impossible</translation>
    </message>
    <message>
        <source>Cannot Redo</source>
        <translation>Rétablissement impossible</translation>
    </message>
    <message>
        <source>%1 cannot be undone: %2 It was taken off the list.</source>
        <translation>%1 ne peut pas être annulé : %2 L’étape a été retirée de la liste.</translation>
    </message>
    <message>
        <source>%1 cannot be redone: %2 It was taken off the list.</source>
        <translation>%1 ne peut pas être rétabli : %2 L’étape a été retirée de la liste.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>(archived as it is now)</source>
        <translation>(archivé tel quel)</translation>
    </message>
    <message>
        <source>Someone else changed %1 since. Archiving keeps their values:</source>
        <translation>Quelqu’un d’autre a modifié %1 depuis. L’archivage garde ses valeurs :</translation>
    </message>
</context>
<context>
    <name>UndoStack</name>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>La base de données n’a pas pu être ouverte : %1</translation>
    </message>
</context>
<context>
    <name>XlsxExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the workbook could not be created</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: le classeur n’a pas pu être créé</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Employés</translation>
    </message>
    <message>
        <source>an Excel sheet holds at most %1 employees: export them as CSV</source>
        <translation>une feuille Excel contient au plus %1 employés&#xa0;: exportez-les en CSV</translation>
    </message>
    <message>
        <source>cannot write row %1, column %2 of &apos;%3&apos;: %4</source>
        <translation>impossible d’écrire la ligne %1, colonne %2 de «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2</source>
        <translation>impossible d’enregistrer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>l’exportation a été annulée</translation>
    </message>
</context>
</TS>
