import type { Rule } from '../types';
import { checkPassword } from '../validators/connectionString';

// Databases and data platforms. Formats:
// Connection URIs (userinfo `user:password@`): RFC 3986 §3.2.1; PostgreSQL
//   https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS,
//   MongoDB https://www.mongodb.com/docs/manual/reference/connection-string/,
//   ADO.NET https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax
// Databricks: https://docs.databricks.com/en/dev-tools/auth/pat.html (`dapi`)
// Supabase: https://supabase.com/docs/guides/api/api-keys (`sb_secret_`, `sbp_`)
// PlanetScale: https://planetscale.com/docs/concepts/service-tokens (`pscale_tkn_`, `pscale_pw_`)
// Neon: https://neon.tech/docs/manage/api-keys (`napi_`); Airtable: https://airtable.com/developers/web/guides/personal-access-tokens
// Contentful: https://www.contentful.com/developers/docs/references/authentication/ (`CFPAT-`)
// Firebase Cloud Messaging legacy server keys: https://firebase.google.com/docs/cloud-messaging/auth-server
// Patterns cross-checked against gitleaks' rule set (cmd/generate/config/rules).
// Generic `http(s)://user:pass@host` URLs are covered by generic.ts (`generic-url-password`);
// here each database scheme gets its own rule so the finding names the system and its rotation page.

/** A value without a prefix of its own, found by the name it is assigned to (`NAME=v`, `name: v`, `--name v`). */
function keyed(context: string, value: string): RegExp {
  return new RegExp(
    `(?:${context})[\\w.-]{0,25}?["'\`]?\\s{0,3}(?:[:=]{1,2}>?|\\s)\\s{0,3}["'\`]?(?<secret>${value})(?![\\w+/=-])`,
    'i',
  );
}

/** `scheme://user:password@host` for the given schemes; the password is the secret. */
function credentialUri(schemes: string, userOptional = false): RegExp {
  return new RegExp(`\\b(?:${schemes})://[^:/?#@\\s"'\`]{${userOptional ? 0 : 1},100}:(?<secret>[^@/?#\\s"'\`]{3,200})@[\\w\\[]`, 'i');
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROTATE_DB = 'Change the password on the server, then load the connection string (or just the password) from the environment.';

export const rules: readonly Rule[] = [
  // Before the URI rules: a PlanetScale password inside a mysql:// URL is named for PlanetScale.
  {
    id: 'planetscale-password',
    title: 'PlanetScale database password',
    provider: 'PlanetScale',
    confidence: 'high',
    pattern: /\b(pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
    keywords: ['pscale_pw_'],
    minEntropy: 3.5,
    docs: 'https://planetscale.com/docs/concepts/connection-strings',
    advice: 'A PlanetScale password connects to a database branch with its role. Delete the password in the branch\'s Passwords page and load DATABASE_URL from the environment.',
    examples: {
      positive: ['DATABASE_URL="mysql://k2pq7x:pscale_pw_FsFzvY_xAHm7jIFMOqGYCINAQjy1x4dqqpldvtzCUvS@aws.connect.psdb.cloud/shop?sslaccept=strict"', 'password: pscale_pw_zneRA1Ft8QZeVJ8IIWalY3PFyYJrtmyAiy5nDpWTDi5'],
      negative: ['password: pscale_pw_<password>', 'password: ${PLANETSCALE_PASSWORD}'],
    },
  },
  {
    id: 'postgres-connection-uri',
    title: 'PostgreSQL connection string with password',
    provider: 'PostgreSQL',
    confidence: 'high',
    pattern: credentialUri('postgres(?:ql)?(?:\\+[a-z0-9]+)?|pgsql|cockroachdb'),
    keywords: ['postgres', 'pgsql', 'cockroachdb'],
    validate: checkPassword,
    docs: 'https://www.postgresql.org/docs/current/sql-alterrole.html',
    advice: `A PostgreSQL URL carries a database password. ${ROTATE_DB}`,
    examples: {
      positive: ['DATABASE_URL=postgres://app_rw:kBhqLd03g3eLa3PqIw@db.acme.internal:5432/orders', 'engine = create_engine("postgresql+psycopg2://etl:ZZzdDTDt3Kxgjg6q@10.0.4.12/warehouse")'],
      negative: ['DATABASE_URL=postgres://postgres:postgres@localhost:5432/app', 'DATABASE_URL=postgresql://${PGUSER}:${PGPASSWORD}@${PGHOST}/app'],
    },
  },
  {
    id: 'mysql-connection-uri',
    title: 'MySQL connection string with password',
    provider: 'MySQL',
    confidence: 'high',
    pattern: credentialUri('mysql(?:x|\\+[a-z0-9]+)?|mariadb(?:\\+[a-z0-9]+)?'),
    keywords: ['mysql', 'mariadb'],
    validate: checkPassword,
    docs: 'https://dev.mysql.com/doc/refman/8.4/en/alter-user.html',
    advice: `A MySQL URL carries a database password. ${ROTATE_DB}`,
    examples: {
      positive: ['DATABASE_URL="mysql://shop:0aym8GcyQyWDHYDR@mysql.acme.internal:3306/shop"', 'spring.datasource.url=jdbc:mysql://report:u8GpyRbSgKKDrS@db-replica:3306/reports'],
      negative: ['DATABASE_URL="mysql://user:password@localhost/db"', 'DATABASE_URL="mysql://root@localhost:3306/dev"'],
    },
  },
  {
    id: 'mongodb-connection-uri',
    title: 'MongoDB connection string with password',
    provider: 'MongoDB',
    confidence: 'high',
    pattern: credentialUri('mongodb(?:\\+srv)?'),
    keywords: ['mongodb'],
    validate: checkPassword,
    docs: 'https://www.mongodb.com/docs/atlas/security-add-mongodb-users/#modify-database-users',
    advice: `A MongoDB URL carries a database user's password (often an Atlas cluster reachable from the internet). ${ROTATE_DB}`,
    examples: {
      positive: ['MONGO_URI=mongodb+srv://api:rmuos7pxFRjKRoopkA6X@cluster0.x7kq2.mongodb.net/prod?retryWrites=true', 'client = MongoClient("mongodb://reporting:BiAHWvvgXB5T5i28@mongo-1:27017,mongo-2:27017/?replicaSet=rs0")'],
      negative: ['MONGO_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/', 'MONGO_URI=mongodb://localhost:27017/dev'],
    },
  },
  {
    id: 'redis-connection-uri',
    title: 'Redis connection string with password',
    provider: 'Redis',
    confidence: 'high',
    // Redis ACLs are optional: `redis://:password@host` has an empty user.
    pattern: credentialUri('rediss?|valkeys?', true),
    keywords: ['redis', 'valkey'],
    validate: checkPassword,
    docs: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/',
    advice: `A Redis URL carries the server password or an ACL user's. ${ROTATE_DB}`,
    examples: {
      positive: ['REDIS_URL=rediss://:6z0rU4vzncM1RXat1KlZVU4o@cache.acme.internal:6380/0', 'const redis = new Redis("redis://worker:7q2WHqlmOpoDcjDnMG@redis-queue:6379");'],
      negative: ['REDIS_URL=redis://localhost:6379/0', 'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379'],
    },
  },
  {
    id: 'amqp-connection-uri',
    title: 'AMQP (RabbitMQ) connection string with password',
    provider: 'RabbitMQ',
    confidence: 'high',
    pattern: credentialUri('amqps?'),
    keywords: ['amqp'],
    validate: checkPassword,
    docs: 'https://www.rabbitmq.com/docs/passwords#changing-password',
    advice: `An AMQP URL carries a broker user's password. ${ROTATE_DB}`,
    examples: {
      positive: ['CELERY_BROKER_URL=amqps://celery:9sh4IjlOQjqytxbY@mq.acme.internal:5671/jobs', 'amqp_url: "amqp://billing:CBy5GCSh5CvCbYAFL2Zr@rabbit:5672/%2F"'],
      negative: ['CELERY_BROKER_URL=amqp://guest:guest@localhost:5672//', 'amqp_url: "amqp://localhost"'],
    },
  },
  {
    id: 'mssql-connection-uri',
    title: 'SQL Server connection string with password',
    provider: 'SQL Server',
    confidence: 'high',
    pattern: credentialUri('mssql(?:\\+[a-z0-9]+)?|sqlserver'),
    keywords: ['mssql', 'sqlserver'],
    validate: checkPassword,
    docs: 'https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-login-transact-sql',
    advice: `A SQL Server URL carries a login password. ${ROTATE_DB}`,
    examples: {
      positive: ['SQLALCHEMY_URL=mssql+pyodbc://app:QzdREcyh1KyOofWW@sql.acme.internal:1433/erp?driver=ODBC+Driver+18', 'url = "sqlserver://sa_app:DkEzoYqyAKjikc2w6g@mssql:1433?database=crm"'],
      negative: ['SQLALCHEMY_URL=mssql+pyodbc://@ERP_DSN', 'url = "sqlserver://sa:${SA_PASSWORD}@mssql:1433"'],
    },
  },
  {
    id: 'jdbc-connection-password',
    title: 'JDBC URL with password',
    provider: 'JDBC',
    confidence: 'high',
    // `jdbc:…;password=…` / `?password=…`, and Oracle thin `jdbc:oracle:thin:user/password@host`.
    pattern: /\bjdbc:[a-z0-9]{2,20}:[^\s"'`]{0,300}?[?;&]password=(?<secret>[^&;\s"'`]{3,128})|\bjdbc:oracle:thin:[\w$#]{1,60}\/([^@\s"'`/]{3,128})@/i,
    keywords: ['jdbc:'],
    validate: checkPassword,
    docs: 'https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html',
    advice: `A JDBC URL carries a database password. ${ROTATE_DB} (e.g. spring.datasource.password=\${DB_PASSWORD}).`,
    examples: {
      positive: [
        'spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=erp;user=erp_app;password=LLJmiMcVm1TNMXDF;encrypt=true',
        'url: jdbc:oracle:thin:scott/TOIBW4W6nSux@db.acme.internal:1521/ORCL',
      ],
      negative: ['spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}', 'url: jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1'],
    },
  },
  {
    id: 'adonet-connection-password',
    title: 'Connection string with password (ADO.NET / ODBC)',
    provider: 'SQL Server',
    confidence: 'high',
    pattern: /\b(?:Server|Data Source|Host|Address|Addr|Network Address|Driver)\s*=\s*[^;"'\n]{1,200};[^"'\n]{0,400}?\b(?:Password|Pwd)\s*=\s*(?<secret>[^;"'\n]{3,128})/i,
    keywords: ['password', 'pwd'],
    validate: checkPassword,
    docs: 'https://learn.microsoft.com/en-us/sql/connect/ado-net/connection-string-syntax',
    advice: `The connection string carries a login password. ${ROTATE_DB} Prefer Integrated Security or managed identity where the server supports it.`,
    examples: {
      positive: [
        '"DefaultConnection": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=shop;User ID=shop_app;Password=MYveWWQFY0AkjPz5;Encrypt=True;"',
        'conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql01;Database=erp;UID=etl;PWD=Ds3BHyZCqOfQQu")',
      ],
      negative: [
        '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=shop;Trusted_Connection=True;"',
        '"DefaultConnection": "Server=sql01;Database=shop;User ID=app;Password=${SQL_PASSWORD};"',
      ],
    },
  },
  {
    id: 'snowflake-password',
    title: 'Snowflake password',
    provider: 'Snowflake',
    confidence: 'medium',
    pattern: keyed('snowflake[\\w.-]{0,20}?(?:password|pwd|passwd)|snowsql[_-]?pwd', '[A-Za-z0-9!#%^&*()_+=.,:~@-]{8,64}'),
    keywords: ['snowflake', 'snowsql'],
    validate: checkPassword,
    minEntropy: 3,
    docs: 'https://docs.snowflake.com/en/user-guide/admin-user-management#resetting-the-password-for-a-user',
    advice: 'A Snowflake password logs in as the user with all of its roles. Reset it, and switch services to key-pair authentication or a programmatic access token kept in a secret store.',
    examples: {
      positive: ['SNOWFLAKE_PASSWORD=dQhk22LWH3s2Ai', 'snowflake_password: "BDw7dnU34WE1#h3b1"'],
      negative: ['SNOWFLAKE_PASSWORD=${SNOWFLAKE_PASSWORD}', 'snowflake_password: "<password>"'],
    },
  },
  {
    id: 'databricks-token',
    title: 'Databricks personal access token',
    provider: 'Databricks',
    confidence: 'high',
    pattern: /\b(dapi[a-f0-9]{32}(?:-\d)?)(?![\w-])/,
    keywords: ['dapi'],
    minEntropy: 3,
    docs: 'https://docs.databricks.com/en/dev-tools/auth/pat.html#revoke-a-personal-access-token',
    advice: 'A Databricks token acts as the user in the workspace: clusters, notebooks, data. Revoke it in User Settings > Developer > Access tokens and use OAuth or the CLI profile.',
    examples: {
      positive: ['DATABRICKS_TOKEN=dapi5de249da8f64ccd512a6177b3eb633b7', 'token = "dapi43c6193a7c3c6393ef0987fbf72908ec-2"'],
      negative: ['DATABRICKS_TOKEN=dapi<token>', 'const dapiClient = new DapiClient();'],
    },
  },
  {
    id: 'supabase-access-token',
    title: 'Supabase personal access token',
    provider: 'Supabase',
    confidence: 'high',
    pattern: /\b(sbp_[a-f0-9]{40})\b/,
    keywords: ['sbp_'],
    minEntropy: 3,
    docs: 'https://supabase.com/dashboard/account/tokens',
    advice: 'A Supabase access token manages every project of the account through the Management API and CLI. Revoke it in Account > Access Tokens.',
    examples: {
      positive: ['SUPABASE_ACCESS_TOKEN=sbp_3a2c3beec600746c1022a181b0820582b2a31e5d', 'supabase login --token sbp_15d93901caf1b76e23ca2eb42d1875db3429cb40'],
      negative: ['SUPABASE_ACCESS_TOKEN=sbp_...', 'SUPABASE_ACCESS_TOKEN=${{ secrets.SUPABASE_ACCESS_TOKEN }}'],
    },
  },
  {
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    provider: 'Supabase',
    confidence: 'high',
    pattern: /\b(sb_secret_[A-Za-z0-9_-]{30,64})(?![A-Za-z0-9_-])/,
    keywords: ['sb_secret_'],
    minEntropy: 3.5,
    docs: 'https://supabase.com/docs/guides/api/api-keys',
    advice: 'A Supabase secret key bypasses Row Level Security on the whole project. Delete it under Project Settings > API Keys; only the publishable key belongs in client code.',
    examples: {
      positive: ['SUPABASE_SECRET_KEY=sb_secret_wmQmdDwSIofbVP03IcEUTk77guc_rZV', 'const admin = createClient(url, "sb_secret_at8IdUIuOM8QO8kivJhAN5lcMJDX_xP31-nQsBQT");'],
      negative: ['SUPABASE_SECRET_KEY=sb_secret_...', 'if (key.startsWith("sb_secret_")) throw new Error("server only");'],
    },
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging server key',
    provider: 'Firebase',
    confidence: 'high',
    pattern: /\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/,
    keywords: ['apa91b'],
    minEntropy: 4,
    docs: 'https://firebase.google.com/docs/cloud-messaging/migrate-v1',
    advice: 'A legacy FCM server key sends push notifications to every user of the app. Delete it in the Cloud console credentials and migrate to the HTTP v1 API with a service account.',
    examples: {
      positive: ['FCM_SERVER_KEY=AAAAjbocSBj:APA91bWgDXv_IeORIjL4ywK0smvEagZ0e81eov9FFHNzIw7hNtz7kG80coAVT7OT8tc3PHo1HJHD2cHHzLAs4AnAtJ5pXE5oMuzRLzBn_PL9hVOEyuNIpCjBjVUvydFV4xWub0WD4PNz', 'headers: { Authorization: "key=AAAAbSBr6Jb:APA91bTSsj7ltqrPgT6lrw4WFCUrBFo4eZ90e15ko_I-bi1vetJta64b4w00HSVfOXUv5N_eEQpKh5ozelW8JYtaj3vcXdySmJpfHxAAAYrAP1iRNvTOyxaS3F683o7eh0A-RnTW6TCZ" }'],
      negative: ['FCM_SERVER_KEY=AAAA<key>:APA91b<rest>', 'headers: { Authorization: `key=${process.env.FCM_SERVER_KEY}` }'],
    },
  },
  {
    id: 'firebase-database-secret',
    title: 'Firebase Realtime Database secret',
    provider: 'Firebase',
    confidence: 'medium',
    pattern: keyed('firebase[\\w.-]{0,20}?(?:db|database)?[_-]?(?:secret|auth[_-]?token)', '[A-Za-z0-9]{40}'),
    keywords: ['firebase'],
    minEntropy: 4,
    docs: 'https://firebase.google.com/docs/database/rest/auth#legacy_tokens',
    advice: 'A Realtime Database secret bypasses all security rules. Delete it under Project settings > Service accounts > Database secrets and use a service account.',
    examples: {
      positive: ['FIREBASE_DATABASE_SECRET=QaTsnb69KlhOv0VBsArr2ykmzORcuPnv8pNwIEFm', 'firebase_secret: "dNqPPCIyBGAFtLRfOLQhbvqjhopaUEOIOoafJbh0"'],
      negative: ['FIREBASE_DATABASE_SECRET=${FIREBASE_SECRET}', 'firebase_project_id: "acme-prod"'],
    },
  },
  {
    id: 'planetscale-api-token',
    title: 'PlanetScale service token',
    provider: 'PlanetScale',
    confidence: 'high',
    pattern: /\b(pscale_tkn_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
    keywords: ['pscale_tkn_'],
    minEntropy: 3.5,
    docs: 'https://planetscale.com/docs/concepts/service-tokens',
    advice: 'A PlanetScale service token manages databases and branches within its grants. Delete it in Organization settings > Service tokens.',
    examples: {
      positive: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_iS6m9B2l4AVVmnEABrhSETfoZxoGY65ptSBnLi7sOGv', 'token: "pscale_tkn_CsRlgMTn2rrFW4C5ZtB0iKDS6dKZshVe6yJHPrVi"'],
      negative: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_<token>', 'token: "${PLANETSCALE_SERVICE_TOKEN}"'],
    },
  },
  {
    id: 'planetscale-oauth-token',
    title: 'PlanetScale OAuth token',
    provider: 'PlanetScale',
    confidence: 'high',
    pattern: /\b(pscale_oauth_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
    keywords: ['pscale_oauth_'],
    minEntropy: 3.5,
    docs: 'https://planetscale.com/docs/concepts/planetscale-api-oauth-applications',
    advice: 'A PlanetScale OAuth token acts for the user who authorised the application. Revoke the authorisation and obtain tokens at run time.',
    examples: {
      positive: ['"access_token": "pscale_oauth_RrFEqENhRuniNIiOwTFHUjVTpBt5-LLElvBR49eLBg1"', 'PSCALE_OAUTH=pscale_oauth_D4TDvzQS01cNF4nf1ssws8tA8V4ClonHCDy7bSG3'],
      negative: ['"access_token": "pscale_oauth_..."', 'PSCALE_OAUTH=${PSCALE_OAUTH}'],
    },
  },
  {
    id: 'neon-api-key',
    title: 'Neon API key',
    provider: 'Neon',
    confidence: 'high',
    pattern: /\b(napi_[a-z0-9]{64})\b/,
    keywords: ['napi_'],
    minEntropy: 3.5,
    docs: 'https://neon.tech/docs/manage/api-keys#revoke-an-api-key',
    advice: 'A Neon API key manages every project of the account or organisation, including roles and passwords. Revoke it in Account settings > API keys.',
    examples: {
      positive: ['NEON_API_KEY=napi_8llsgvqffx3uuh1kq4wc3hv84onx55vvrqjlotd993vtdceol95d7c4fwgbpafna', 'neonctl projects list --api-key napi_iaajzoy32dmzrwogy1qmfndwr4gn8997pbfcodwhjso5gtc2emspc6asdagieme7'],
      negative: ['NEON_API_KEY=napi_<key>', 'napi_value napi_create_string_utf8(napi_env env);'],
    },
  },
  {
    id: 'algolia-admin-api-key',
    title: 'Algolia admin / write API key',
    provider: 'Algolia',
    confidence: 'medium',
    pattern: keyed('algolia[\\w.-]{0,20}?(?:admin|write|api)[_-]?(?:api[_-]?)?key', '[a-f0-9]{32}'),
    keywords: ['algolia'],
    minEntropy: 3,
    // Search-only keys are public by design (they ship to browsers).
    validate: (_secret, match) => (/search/i.test(match[0]) ? 'reject' : 'valid'),
    docs: 'https://www.algolia.com/doc/guides/security/api-keys/#rotating-the-admin-api-key',
    advice: 'An Algolia admin or write key can change or delete indices. Rotate it in the dashboard (API Keys) and keep only search-only keys in front-end code.',
    examples: {
      positive: ['ALGOLIA_ADMIN_KEY=34ae27def4ada94645eb4b4cdeb55921', 'algolia_api_key: "3e51603d32cd93e28560a7e251425968"'],
      negative: ['const index = algoliasearch(appId, process.env.ALGOLIA_ADMIN_KEY).initIndex("docs");', 'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}'],
    },
  },
  {
    id: 'elastic-api-key',
    title: 'Elasticsearch API key',
    provider: 'Elastic',
    confidence: 'medium',
    pattern: keyed('elastic(?:search)?[\\w.-]{0,20}?api[_-]?key', '[A-Za-z0-9+/_-]{40,120}={0,2}'),
    keywords: ['elastic'],
    minEntropy: 4,
    docs: 'https://www.elastic.co/guide/en/kibana/current/api-keys.html',
    advice: 'An Elasticsearch API key reads or writes the indices its role descriptors allow. Invalidate it in Kibana (Stack Management > API keys) and load it from the environment.',
    examples: {
      positive: ['ELASTIC_API_KEY=du35xkOX7E5ApavBiHvSbEGsGkw0t1DoyHYxdZkTApjmKHZQg9O2HN==', 'ELASTICSEARCH_API_KEY: "N1B29FHLIznW83PKoTcx6qNhTxJqhchGcA3JqcSTXBUpFuh6r8hWKf2BRyCI"'],
      negative: ['ELASTIC_API_KEY=${ELASTIC_API_KEY}', 'elasticsearch:\n  api_key_id: "${ES_KEY_ID}"'],
    },
  },
  {
    id: 'mongodb-atlas-api-key',
    title: 'MongoDB Atlas API private key',
    provider: 'MongoDB Atlas',
    confidence: 'medium',
    pattern: keyed('(?:atlas|mongodb)[\\w.-]{0,20}?private[_-]?(?:api[_-]?)?key', UUID),
    keywords: ['atlas', 'mongodb'],
    docs: 'https://www.mongodb.com/docs/atlas/configure-api-access/#delete-an-api-key',
    advice: 'An Atlas API private key manages clusters, users and network access within its roles. Delete the API key in Access Manager and move to a service account kept in a secret store.',
    examples: {
      positive: ['MONGODB_ATLAS_PRIVATE_KEY=0dedc155-3421-43e7-87e6-d535c5bd7fa2', 'atlas_private_api_key: "d8355391-9881-42d1-892d-183414e4ac67"'],
      negative: ['MONGODB_ATLAS_PRIVATE_KEY=${ATLAS_PRIVATE_KEY}', 'atlas_public_key: "qwxyzpkt"'],
    },
  },
  {
    id: 'mongodb-atlas-service-account-secret',
    title: 'MongoDB Atlas service account secret',
    provider: 'MongoDB Atlas',
    confidence: 'high',
    pattern: /\b(mdb_sa_sk_[A-Za-z0-9_-]{30,80})(?![A-Za-z0-9_-])/,
    keywords: ['mdb_sa_sk_'],
    minEntropy: 4,
    docs: 'https://www.mongodb.com/docs/atlas/configure-api-access/',
    advice: 'An Atlas service account secret obtains API tokens with the account\'s roles. Delete the secret in Access Manager and keep it in a secret store.',
    examples: {
      positive: ['MONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_6zCO-wC5Fo_HLtkTxrBVCouS-ua4KTEyz16kAiYh', 'client_secret: "mdb_sa_sk_HSxvGXgUpac1q6TNLTOorC1HjeyTQOUrHFGSLkATE2wcVgKR"'],
      negative: ['# Atlas service account secrets start with mdb_sa_sk_ and are shown only once.', 'client_id: "mdb_sa_id_abc"'],
    },
  },
  {
    id: 'airtable-personal-access-token',
    title: 'Airtable personal access token',
    provider: 'Airtable',
    confidence: 'high',
    pattern: /\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b/,
    keywords: ['pat'],
    minEntropy: 3.5,
    docs: 'https://airtable.com/create/tokens',
    advice: 'An Airtable token reads or writes the bases it was granted. Delete it in the Developer hub > Personal access tokens and read it from the environment.',
    examples: {
      positive: ['AIRTABLE_TOKEN=patZSmzb6poLkHPXw.36e5bf197c661cad51d542800cccea5c2168d9b528833ce739a0c09dc6d241c2', 'const base = new Airtable({ apiKey: "patJRR3BIEnyfZvDP.3c3f52fab7918ed99afbc70da77cbd59a458d156777c222f5068c20c9a0fd821" }).base("appQz");'],
      negative: ['AIRTABLE_TOKEN=patXXXXXXXXXXXXXX.XXXX', 'const pattern = /pat[A-Za-z0-9]{14}/;'],
    },
  },
  {
    id: 'airtable-api-key',
    title: 'Airtable API key (legacy)',
    provider: 'Airtable',
    confidence: 'medium',
    pattern: keyed('airtable[\\w.-]{0,20}?(?:api)?[_-]?key', 'key[A-Za-z0-9]{14}'),
    keywords: ['airtable'],
    minEntropy: 3.3,
    docs: 'https://airtable.com/create/tokens',
    advice: 'Legacy Airtable API keys granted access to every base of the user. Make sure it is gone from your account and use scoped personal access tokens instead.',
    examples: {
      positive: ['AIRTABLE_API_KEY=keypwxUzvVge8uyKp', 'airtable_key: "keykVDHv8OfF5Lapm"'],
      negative: ['AIRTABLE_API_KEY=${AIRTABLE_API_KEY}', 'airtable_base_id: "appQz7Lk2"'],
    },
  },
  {
    id: 'contentful-management-token',
    title: 'Contentful personal access token',
    provider: 'Contentful',
    confidence: 'high',
    pattern: /\b(CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    keywords: ['cfpat-'],
    minEntropy: 4,
    docs: 'https://app.contentful.com/account/profile/cma_tokens',
    advice: 'A Contentful management token edits and deletes content, models and environments in every space of the user. Revoke it under Account > CMA tokens.',
    examples: {
      positive: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-hWTHzdDeigVPECIIEaSB5gLoV0lWLbqzDcXOL-gfsKD', 'contentful space list --management-token CFPAT-gK0KbxYnas6N4QBD6S_oEF6exWpPJV8a7IzXqrjHpAv'],
      negative: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>', 'CONTENTFUL_MANAGEMENT_TOKEN=${CMA_TOKEN}'],
    },
  },
  {
    id: 'contentful-delivery-token',
    title: 'Contentful delivery / preview token',
    provider: 'Contentful',
    confidence: 'low',
    pattern: keyed('contentful[\\w.-]{0,20}?(?:delivery|preview|access)[_-]?(?:api[_-]?)?(?:token|key)', '[A-Za-z0-9_-]{43}'),
    keywords: ['contentful'],
    minEntropy: 4,
    docs: 'https://www.contentful.com/developers/docs/references/authentication/#api-keys-in-the-contentful-web-app',
    advice: 'A delivery token reads published content (a preview token: drafts too). Regenerate the API key in Settings > API keys if the content is not public.',
    examples: {
      positive: ['CONTENTFUL_DELIVERY_TOKEN=gECBXI1PZjJW1oyNTeWqK4r4MDiWDiPbpj9M0i2fNaH', 'contentful_preview_token: "4C1zy3pxRS5axBLmGBR5qquysUVVHhsm1QP73qeEUoM"'],
      negative: ['CONTENTFUL_DELIVERY_TOKEN=${CONTENTFUL_DELIVERY_TOKEN}', 'contentful_space_id: "qz7lk2"'],
    },
  },
  {
    id: 'upstash-redis-token',
    title: 'Upstash REST token',
    provider: 'Upstash',
    confidence: 'medium',
    pattern: keyed('upstash[\\w.-]{0,20}?token', '[A-Za-z0-9_-]{40,200}={0,2}'),
    keywords: ['upstash'],
    minEntropy: 4,
    docs: 'https://upstash.com/docs/redis/features/security#rest-token',
    advice: 'An Upstash REST token reads and writes the database (or QStash queue). Reset the password/token in the console and load it from the environment.',
    examples: {
      positive: ['UPSTASH_REDIS_REST_TOKEN=AXSEeEO39NmfntivDbBRZWVw5E-LVAPvZKWpcVY_YNpuY_IUIf64nObz_HIONb=', 'upstash_token: "zop7NPEhN-4mu7vQVb7VRgyxcuN1omHUAxCP0GA7DEdZnUwe"'],
      negative: ['UPSTASH_REDIS_REST_TOKEN=${UPSTASH_REDIS_REST_TOKEN}', 'upstash_redis_rest_url: "https://eu1-acme.upstash.io"'],
    },
  },
  {
    id: 'clickhouse-cloud-api-secret',
    title: 'ClickHouse Cloud API secret',
    provider: 'ClickHouse',
    confidence: 'medium',
    pattern: /\b(4b1d[A-Za-z0-9]{38})\b/,
    keywords: ['4b1d'],
    minEntropy: 3.5,
    docs: 'https://clickhouse.com/docs/cloud/manage/openapi',
    advice: 'A ClickHouse Cloud API secret manages services and their settings with the key\'s role. Delete the key in Organization > API keys.',
    examples: {
      positive: ['CLICKHOUSE_KEY_SECRET=4b1d8MLTa7NBhKVKT4xSsYBLgZXoCSPcMIQz7AmyD2', 'key_secret: "4b1d3A90M8dmpsM1Tuk1RgPGvIJuxLgqLjDsG6PDVy"'],
      negative: ['CLICKHOUSE_KEY_SECRET=4b1d<secret>', 'color: #4b1d3f;'],
    },
  },
  {
    id: 'confluent-api-secret',
    title: 'Confluent Cloud API secret',
    provider: 'Confluent',
    confidence: 'medium',
    // Also the JAAS form: Confluent API keys are 16 upper-case characters, their secrets 64 base64.
    pattern: /(?:(?:confluent|ccloud|kafka)[\w.-]{0,20}?(?:api[_-]?)?secret[\w.-]{0,10}?["'`]?\s{0,3}[:=]\s{0,3}["'`]?|username\s*=\s*["'][A-Z0-9]{16}["']\s+password\s*=\s*["'])([A-Za-z0-9+/]{64})(?![A-Za-z0-9+/=])/i,
    keywords: ['confluent', 'ccloud', 'kafka', 'username'],
    minEntropy: 4,
    docs: 'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/manage-api-keys.html',
    advice: 'A Confluent Cloud API secret produces and consumes on the cluster with the key\'s ACLs. Delete the API key and create a new one kept in a secret store.',
    examples: {
      positive: [
        'KAFKA_API_SECRET=9UJrFyaMKJSXej6dNsnDWkSENhfKudFKlhpzSDtLpybOYYsNP2paO8JmfDuTlE1h',
        'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="JBY6L4VNW0EYZFC1" password="OyHAwbmj49A1Sv6QN3nl7Z7DvnQ6z4olV40zoTXYM039idLsSEv7VC2Nf7HmIdAQ";',
      ],
      negative: ['KAFKA_API_SECRET=${KAFKA_API_SECRET}', 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$KEY" password="$SECRET";'],
    },
  },
  {
    id: 'fauna-secret',
    title: 'Fauna secret',
    provider: 'Fauna',
    confidence: 'medium',
    pattern: keyed('fauna[\\w.-]{0,20}?(?:secret|key)', 'fn[A-Za-z0-9_-]{38}'),
    keywords: ['fauna'],
    minEntropy: 4,
    docs: 'https://docs.fauna.com/fauna/current/learn/security/keys/',
    advice: 'A Fauna secret queries the database with its key\'s role. Delete the key in the dashboard and read FAUNA_SECRET from the environment.',
    examples: {
      positive: ['FAUNA_SECRET=fnKatS7dGm557HRwqkUeKWZpT7cY2gCP6Qn2Bfbd', 'fauna_key: "fnbKeC5Qy2m2MWSVITdt29bTYgIux9nuqBUXceFQ"'],
      negative: ['FAUNA_SECRET=${FAUNA_SECRET}', 'fauna_region: "us"'],
    },
  },
];
