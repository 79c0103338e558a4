import type { Topic } from './policyHelp';

/**
 * Questions as people ask them in chat, Swedish and English, each with the topic whose answer is right,
 * written without the policy's own words ("hur länge ska vi spara inlägg?", not "arkivering"). The help
 * search indexes them beside the curated answers: a new question that resembles one asked before
 * finds its topic. Two sets were written apart from the search's word lists and from each other; a third
 * (issue 31) was written later, by someone who had read the lists, to add English and everyday
 * wordings. The test scores the search by cross-validation (each question answered by an index built
 * without it), in Swedish and in English, and on a held-out set that is never added here
 * (`test/domain/data/policyHelpBlind.ts`). Add a question here when people ask something the search
 * misses.
 */
export const asked: readonly (readonly [question: string, topic: Topic])[] = [
  // archiving
  ['hur länge ska vi spara inlägg?', 'archiving'],
  ['ska man ta skärmdumpar på vårt insta-konto nån gång?', 'archiving'],
  ['vad ska jag skicka till kommunarkivet från vår fb-sida', 'archiving'],
  ['i vilket format sparar vi kopian av sidan, pdf?', 'archiving'],
  ['måste vi spara alla gamla inlägg eller bara startsidan', 'archiving'],
  ['när på året ska vi ta en kopia av kontot', 'archiving'],
  ['jag har hand om bibblans facebok, hur ofta ska vi spara undan den?', 'archiving'],
  ['how often do we need to screenshot our account?', 'archiving'],
  ['what do I send to the archive from our insta?', 'archiving'],
  ['do we have to save every old post or just the front page?', 'archiving'],

  // duties
  ['måste jag svara på kommentarer på helgen?', 'duties'],
  ['hur snabbt måste man svara på frågor i messenger', 'duties'],
  ['vad förväntas av mig om jag ska sköta skolans insta?', 'duties'],
  ['jag har knappt tid att svara på dm:en, är det ett problem?', 'duties'],
  ['hur lång tid har vi på oss att svara när nån ställer en fråga på fb-sidan', 'duties'],
  ['måste jag kunna tiktok ordentligt för att sköta ett konto åt kommunen?', 'duties'],
  ['how fast do we have to reply to questions on our fb page?', 'duties'],
  ['what\'s expected of me if I\'m running the school\'s insta?', 'duties'],
  ['do i need to answer messages over the weekend', 'duties'],

  // assignment
  ['kan jag använda mitt privata konto i jobbet?', 'assignment'],
  ['vill starta ett insta för fritidsgården, vem ska godkänna det', 'assignment'],
  ['hur gör jag för att få köra en facebooksida för biblioteket?', 'assignment'],
  ['min chef tycker vi ska ha tiktok på ungdomsmottagningen, räcker det att hon säger ja?', 'assignment'],
  ['vilken blankett fyller man i för att få jobba med sociala medier', 'assignment'],
  ['jag ska bara följa andra kommuners konton för att få tips i jobbet, behöver jag fråga nån?', 'assignment'],
  ['får jag blogga om mitt jobb som lärare som en del av tjänsten', 'assignment'],
  ['är jag privatperson eller anställd när jag chattar med föräldrarna i skolappen?', 'assignment'],
  ['can I use my own instagram for work stuff?', 'assignment'],
  ['how do I get permission to start a facebook page for my team?', 'assignment'],
  ['who needs to sign off before we open a tiktok for the youth centre', 'assignment'],
  ['I just want to follow other councils\' accounts for ideas at work, do I need approval?', 'assignment'],
  ['which form do I fill in to run an account for the municipality', 'assignment'],

  // publicRecords
  ['kan vem som helst begära ut det vi lägger upp på bibliotekets fb?', 'publicRecords'],
  ['får jag ändra i ett gammalt inlägg utan att det syns?', 'publicRecords'],
  ['vem äger egentligen det jag skriver på kommunens insta', 'publicRecords'],
  ['räknas bilderna vi postar på förskolans sida som kommunens material?', 'publicRecords'],
  ['can anyone request copies of what we post on the library\'s page?', 'publicRecords'],
  ['is it ok to quietly edit an old post on our account?', 'publicRecords'],

  // register
  ['hur vet jag om ett konto verkligen är kommunens?', 'register'],
  ['finns det nån lista över alla kommunens konton?', 'register'],
  ['det finns en fb-sida som heter botkyrka fritid, är den äkta', 'register'],
  ['var på hemsidan står det vem som ansvarar för kommunens olika konton', 'register'],
  ['ska vårt nya konto stå med nånstans på botkyrka.se?', 'register'],
  ['how can I check if an account claiming to be botkyrka is real?', 'register'],
  ['is there a list somewhere of all the municipality\'s social accounts?', 'register'],
  ['where on botkyrka.se does it say who runs each of our accounts', 'register'],

  // workTime
  ['får man kolla fb på jobbet', 'workTime'],
  ['är det ok att scrolla tiktok under arbetstid', 'workTime'],
  ['kan jag bli tillsagd för att jag är inne på insta när jag jobbar?', 'workTime'],
  ['min kolega sitter på linkedin halva dagen, är det tillåtet?', 'workTime'],
  ['is it ok to check facebook at work?', 'workTime'],
  ['can I scroll linkedin during work hours', 'workTime'],

  // openness
  ['ska jag säga att jag jobbar på kommunen när jag skriver i en fb-grupp om min skola?', 'openness'],
  ['behöver jag skriva att det är mina egna åsikter när jag twittrar om mitt jobb', 'openness'],
  ['får jag posta om min arbetsplats på mitt privata insta', 'openness'],
  ['hur visar jag att jag skriver som privatperson och inte för kommunen?', 'openness'],
  ['should i mention i work for the council when posting about my school in a local group?', 'openness'],
  ['how do I make clear I\'m posting as myself and not for botkyrka', 'openness'],

  // freedom
  ['får jag berätta för en journalist om hur det är på mitt äldreboende?', 'freedom'],
  ['kan jag få sparken om jag tipsar aftonbladet om missförhållanden på jobbet', 'freedom'],
  ['får jag säga vad jag tycker om kommunens nedskärningar offentligt?', 'freedom'],
  ['jag jobbar på soc, får jag prata med en reporter om ett ärende', 'freedom'],
  ['förskollärare här, får jag ge en tidning info om ett barn?', 'freedom'],
  ['can I talk to a journalist about problems at my workplace?', 'freedom'],
  ['I work in social services, can I tell a reporter about a case?', 'freedom'],
  ['will I get in trouble if I tip off the local paper about something at work', 'freedom'],

  // politicians
  ['jag sitter i fullmäktige, får jag länka till kommunens hemsida från min blogg?', 'politicians'],
  ['som politiker, måste jag skriva att det är mitt partis åsikt på min fb?', 'politicians'],
  ['är nämndledamot och twittrar mycket, vad gäller för mig', 'politicians'],
  ['får kommunalrådet dela kommunens nyheter på sin egen sida', 'politicians'],
  ['jag är fritidspolitiker och har en blogg, kan folk tro att det jag skriver är kommunens åsikt?', 'politicians'],
  ['I\'m a local councillor, can I link to the municipality\'s site from my blog?', 'politicians'],
  ['as a politician do I need to say my posts are my party\'s views?', 'politicians'],

  // attacks
  ['får jag skriva på fb att min chef är inkompetent?', 'attacks'],
  ['kan jag klaga på en kollega i en facebookgrupp', 'attacks'],
  ['jag är så arg på städfirman vi anlitar, får jag hänga ut dem på insta?', 'attacks'],
  ['är det ok att svära om jobbet på twitter', 'attacks'],
  ['kan jag få problem om jag skriver elaka saker om min arbetsgivare på nätet', 'attacks'],
  ['can I post that my manager is useless on twitter?', 'attacks'],
  ['is it ok to rant about a supplier we use on facebook', 'attacks'],

  // bullying
  ['en elev blir mobbad på snap, vad gör jag?', 'bullying'],
  ['nån har lagt ut hotfulla grejer om min kollega på face', 'bullying'],
  ['en brukare på boendet blir trakasserad i en facebookgrupp, vem ska jag säga till', 'bullying'],
  ['det sprids nakenbilder på en elev i en snapgrupp hjälp', 'bullying'],
  ['min kollega får hot på insta efter ett beslut, ska vi polisanmäla?', 'bullying'],
  ['barn i klassen hänger ut en annan elev på tiktok vad ska jag göra', 'bullying'],
  ['en av våra brukare blir utpressad av nån på nätet', 'bullying'],
  ['a pupil is being harassed on snapchat, what should I do?', 'bullying'],
  ['someone is threatening my colleague online, who do I tell?', 'bullying'],
  ['one of our care clients is being bullied in a facebook group', 'bullying'],

  // forwardCriticism
  ['såg en artikel som sågar vår hemtjänst, ska jag säga till nån?', 'forwardCriticism'],
  ['det finns en tråd på flashback om kommunen som sprids, vem ska veta om det', 'forwardCriticism'],
  ['hittade ett viralt klipp på tiktok som hånar botkyrka kommun, vad gör jag', 'forwardCriticism'],
  ['någon har skrivit ett argt inlägg om kommunen på en annan sida, ska jag tipsa nån?', 'forwardCriticism'],
  ['en influencer snackar skit om våra skolor i en video, vem borde få veta det?', 'forwardCriticism'],
  ['I found a viral thread slamming botkyrka, should I tell someone?', 'forwardCriticism'],
  ['there\'s a nasty article about our elder care going around, who should know', 'forwardCriticism'],

  // mediaMonitoring
  ['jag är chef, hur håller jag koll på vad folk skriver om min enhet på nätet?', 'mediaMonitoring'],
  ['vem på kommunen håller koll på när botkyrka nämns på sociala medier?', 'mediaMonitoring'],
  ['som rektor, behöver jag läsa vad föräldrar skriver om skolan på fb?', 'mediaMonitoring'],
  ['är det min uppgift som enhetschef att följa vad som sägs om vårt boende online', 'mediaMonitoring'],
  ['finns det nån centralt som spanar på vad som skrivs om kommunen i sociala medier', 'mediaMonitoring'],
  ['as a manager, should I keep an eye on what people write about my unit online?', 'mediaMonitoring'],
  ['who keeps track of what\'s said about botkyrka on social media?', 'mediaMonitoring'],

  // registration
  ['en kund skrev ett klagomål på vår sida, vad gör jag med det?', 'registration'],
  ['fick ett dm där nån klagar på handläggningen, ska det in i nåt system?', 'registration'],
  ['nån har skrivit kritik om skolmaten i vår insta-inkorg, vart ska den?', 'registration'],
  ['måste vi ta hand om vanliga kommentrar på fb-sidan som ärenden', 'registration'],
  ['en förälder klagade på en lärare i ett meddelande till skolans konto, vad gör jag med det', 'registration'],
  ['a resident sent a complaint to our page, what do I do with it?', 'registration'],
  ['do normal comments on our fb page need to go into the case system?', 'registration'],
  ['got a DM criticising how a case was handled, where does it go?', 'registration'],

  // moderation
  ['får jag ta bort en rasistisk kommentar på vår fb-sida?', 'moderation'],
  ['nån spammar reklam i kommentarerna hur snabbt ska jag ta bort det', 'moderation'],
  ['vem kollar kommentarerna på kontot när jag är på semester?', 'moderation'],
  ['jag ska vara sjukskriven två veckor, vem sköter sidan då', 'moderation'],
  ['ska vi skriva nånstans att vi raderar olämpliga kommentarer?', 'moderation'],
  ['någon har lagt upp porr i kommentarsfältet hjälp', 'moderation'],
  ['en följare kallar vår personal idioter i kommentarerna, kan jag dölja det?', 'moderation'],
  ['vilka kommentarer får man radera på kommunens insta', 'moderation'],
  ['can I delete a racist comment on our page?', 'moderation'],
  ['who watches the comments when I\'m on holiday?', 'moderation'],
  ['someone keeps posting ads in our comments, how quickly should I remove them', 'moderation'],

  // legal
  ['får jag lägga upp bilder på barnen från utflykten?', 'legal'],
  ['behöver jag föräldrarnas ok för att filma på förskolan och lägga ut det', 'legal'],
  ['kan vi använda en låt från spotify i vår reel?', 'legal'],
  ['får jag posta en bild jag hittat på google på kommunens fb', 'legal'],
  ['måste vi ha skriftligt ok från deltagarna för att tagga dem med namn i ett inlägg?', 'legal'],
  ['vilka regler har tiktok för myndigheter, måste vi kolla det?', 'legal'],
  ['får jag använda nikes logga i ett inlägg om vår idrottsdag', 'legal'],
  ['om jag citerar en artikel på vår sida, hur gör jag då?', 'legal'],
  ['osäker på om jag får lägga upp en bild från en annan kommuns sida, vem frågar jag?', 'legal'],
  ['can I post photos of the kids from the field trip?', 'legal'],
  ['are we allowed to use a popular song in our tiktok?', 'legal'],
  ['do I need written consent to name people in a post?', 'legal'],
  ['can I use a picture I found on google for our page', 'legal'],

  // evaluation
  ['hur vet vi om vårt tiktok-konto funkar, behöver vi följa upp det?', 'evaluation'],
  ['ska vi sätta mål för hur många följare vi vill ha?', 'evaluation'],
  ['måste jag skriva nån rapport om hur det gått med instat varje år?', 'evaluation'],
  ['vem ska få sammanställningen när vår kampanj på fb är slut', 'evaluation'],
  ['räcker det med insta eller ska vi ha affischer också för att nå föräldrarna', 'evaluation'],
  ['do we need to write a yearly report on how our account is doing?', 'evaluation'],
  ['should we set goals for our facebook page?', 'evaluation'],
  ['who gets the summary when our campaign on insta ends?', 'evaluation'],

  // graphicProfile
  ['vilken profilbild ska vi ha på skolans insta', 'graphicProfile'],
  ['vad ska vårt användarnamn heta på tiktok?', 'graphicProfile'],
  ['måste kommunens logga vara med på vår fb-sida?', 'graphicProfile'],
  ['vad ska stå i bion på kommunens konto', 'graphicProfile'],
  ['vilket telefonnummer ska vi ha på facebooksidan', 'graphicProfile'],
  ['what should our profile picture be on instagram?', 'graphicProfile'],
  ['what should the bio on our official page say', 'graphicProfile'],

  // administration
  ['vem ska ha lösen till vårt insta', 'administration'],
  ['kan jag spara lösenodet till fb-sidan här i chatten?', 'administration'],
  ['hur många ska kunna logga in på vårt konto', 'administration'],
  ['jag är den enda som har inloggningen till tiktok, är det ok', 'administration'],
  ['var förvarar vi lösenorden till kommunens konton?', 'administration'],
  ['kollegan som hade lösen till youtube har slutat, nu kommer ingen in', 'administration'],
  ['ska kommunikatören också vara admin på vår sida?', 'administration'],
  ['who should have the password for our tiktok?', 'administration'],
  ['can I store the login for our fb page in this bot?', 'administration'],
  ['only I can log in to our account, is that a problem', 'administration'],

  // passive
  ['vi har ett twitterkonto som ingen postat på sen 2019, vad gör vi', 'passive'],
  ['ska vi stänga sidan om vi inte hinner lägga upp nåt?', 'passive'],
  ['instagramm-kontot för sommarlovet har legat dött i ett år, får det vara kvar?', 'passive'],
  ['är det dåligt att ha en fb-sida där inget händer', 'passive'],
  ['hur ofta måste vi posta för att få ha kvar kontot', 'passive'],
  ['we have an old twitter account nobody posts on, what do we do', 'passive'],
  ['can we keep a facebook page that hasn\'t been updated in a year?', 'passive'],

  // website
  ['kan vi skippa hemsidan och bara köra facebook?', 'website'],
  ['ska nyheter ligga på botkyrka.se också eller räcker insta', 'website'],
  ['behöver vi länka till webben när vi lägger ut info om stängda förskolor?', 'website'],
  ['vår enhet vill lägga all info på fb istället för på webbplatsen, funkar det?', 'website'],
  ['can we just use facebook instead of the website?', 'website'],
  ['should news go on botkyrka.se too or is insta enough', 'website'],

  // plainLanguage
  ['hur ska vi skriva på insta, formellt eller mer avslappnat?', 'plainLanguage'],
  ['är det ok att skriva "du" till följarna', 'plainLanguage'],
  ['tips på hur man skriver inlägg som folk fattar?', 'plainLanguage'],
  ['hur långa får texterna vara på fb', 'plainLanguage'],
  ['ska vi skriva likadant på linkedin som på tiktok?', 'plainLanguage'],
  ['how should we write our posts, formal or casual?', 'plainLanguage'],
  ['any tips on writing posts people actually understand', 'plainLanguage'],

  // createValue
  ['någon frågade om bygglov i en fb-grupp, jag jobbar inte med det, vad gör jag?', 'createValue'],
  ['får jag ge tips om kommunens tjänster när jag hänger i lokala fb-grupper?', 'createValue'],
  ['jag kan mycket om sophantering, är det bra om jag svarar folk på nätet om det?', 'createValue'],
  ['nån i en grupp på face frågade nåt krångligt om hemtjänsten som kräver att nån gör nåt, vad gör jag', 'createValue'],
  ['someone asked a tricky question about building permits in a local fb group, it\'s not my area, what do I do?', 'createValue'],
  ['is it good if I share tips about council services in local groups?', 'createValue'],
  // A second set, written later
  // assignment
  ['vem måste säga ja om jag vill starta ett insta för fritidsgården?', 'assignment'],
  ['Jag ska bara följa vad folk skriver om biblioteken på fb som en del av jobbet, räcker det att chefen säger ok då?', 'assignment'],
  ['My manager said yes to a TikTok for our youth centre. Is that enough or does someone else have to sign off too?', 'assignment'],

  // duties
  ['Jag har blivit ansvarig för kulturhusets insta men hinner knappt med mina vanliga arbetsuppgifter, funkar det?', 'duties'],
  ['måste man kunna tiktok ordentlight innan man tar över skolans konto?', 'duties'],
  ['people message our library page on fb with questions, how long can I wait before I answer them?', 'duties'],

  // publicRecords
  ['Är det som jag lägger ut på äldreboendets facebook kommunens material eller mitt eget?', 'publicRecords'],
  ['kan jag ändra i ett inlägg på enhetens sida i efterhand utan att det syns att det är ändrat', 'publicRecords'],
  ['can anyone just ask to get copies of everything I\'ve posted on our work insta?', 'publicRecords'],

  // register
  ['finns det nånstans man kan se vilka insta-konton som faktiskt är kommunens?', 'register'],
  ['Det finns en fb-sida som heter Botkyrka Ungdom, hur kollar jag om den är äkta och från oss?', 'register'],
  ['where on botkyrka.se can I see who runs each of our social media pages and what they are for?', 'register'],

  // workTime
  ['får man kolla fb på jobbet eller är det förbjudet?', 'workTime'],
  ['kan jag scrolla insta lite mellan mötena utan att det blir problme', 'workTime'],
  ['Is it ok to be on Twitter during office hours as long as my work still gets done?', 'workTime'],

  // openness
  ['jag skriver ibland i en föräldragrupp på fb om skolfrågor, ska jag säga att jag själv jobbar som lärare i kommunen?', 'openness'],
  ['Om jag svarar i en tråd om bygget vid Tumba centrum på min privata sida, ska jag skriva att jag jobbar med det?', 'openness'],
  ['I comment on reddit about city planning stuff since I work with it. should i mention where i work and that it\'s just my own view?', 'openness'],

  // freedom
  ['får jag kritisera kommunens beslut om nedskärningar på min privata fb?', 'freedom'],
  ['En journalist från Mitt i ringde och vill att jag berättar om problemen på boendet där jag jobbar, får jag det?', 'freedom'],
  ['can I tell a reporter about things going wrong at my school without getting in trouble? what about stuff about the kids?', 'freedom'],

  // politicians
  ['jag sitter i fullmäktige för mitt parti, får jag länka till botkyrka.se från min blogg?', 'politicians'],
  ['Som fritidspolitiker, vad behöver jag skriva på min facebooksida så folk inte tror att det är kommunen som tycker?', 'politicians'],
  ['I\'m a local councillor. Can I share links to the municipality\'s website on my party campaign page?', 'politicians'],

  // attacks
  ['får jag skriva på fb att min kollega är helt inkompetent? 😅', 'attacks'],
  ['kan jag gnälla om städfirman vi anlitar på min privata insta, med namn och allt', 'attacks'],
  ['I\'m so fed up with a coworker, can I vent about her on my own Facebook?', 'attacks'],

  // bullying
  ['en elev i min klass blir uthängd i en snapgrupp, vad gör jag??', 'bullying'],
  ['someone posted threatening comments about my colleague on tiktok, who do i tell??', 'bullying'],
  ['one of the old ladies at our care home is being made fun of in a video someone posted online, what should I do?', 'bullying'],

  // forwardCriticism
  ['hittade en massa sura inlägg om kommunen i en lokal fb-grup, ska jag säga till nån?', 'forwardCriticism'],
  ['Såg en blogg som sågar nya simhallen totalt, vem ska man tipsa om sånt?', 'forwardCriticism'],
  ['I came across a nasty youtube video slamming botkyrka kommun, should I let someone know?', 'forwardCriticism'],

  // mediaMonitoring
  ['jag är enhetschef i hemtjänsten, borde jag hålla koll på vad folk skriver om oss på nätet?', 'mediaMonitoring'],
  ['Vem på kommunen är det som håller koll på när Botkyrka nämns på twitter och sånt?', 'mediaMonitoring'],
  ['I run a preschool. am I supposed to keep tabs on what people say about us on social media?', 'mediaMonitoring'],

  // registration
  ['en förälder skickade ett pm till skolans insta och klagar på maten, vad gör jag med det?', 'registration'],
  ['måste varje vanlig kommentar på bibliotekets fb-vägg föras in i ärendesystemet?', 'registration'],
  ['someone sent a complaint about snow clearing as a DM to our work account. do I have to log it formally somewhere?', 'registration'],

  // moderation
  ['någon skrev rasistiska saker i kommentarerna på fritidsgårdens sida, får jag ta bort det?', 'moderation'],
  ['Jag ska på semester i tre veckor, vem rensar bort skräpkommentarer på enhetens insta medan jag är ledig?', 'moderation'],
  ['someone keeps posting ads for their cleaning buisness under our posts, can i just delete them?', 'moderation'],

  // legal
  ['får jag lägga upp bilder på barnen från utflykten på förskolans insta?', 'legal'],
  ['får jag filma en brukare och lägga ut om hen säger ja muntligt', 'legal'],
  ['can I use a song from spotify in a tiktok we make for work?', 'legal'],
  ['I want to quote a newspaper article in a post on our page, anything I need to think about?', 'legal'],

  // archiving
  ['hur ofta ska man spara en bild av kontots förstasida och vart skickar man den?', 'archiving'],
  ['Måste jag spara alla gamla inlägg på facebooksidan som pdf eller räcker det med startsidan?', 'archiving'],
  ['its end of june, is there something i\'m supposed to save from our instagram and send somewhere?', 'archiving'],

  // evaluation
  ['hur vet vi om vår insta faktiskt funkar? ska vi mäta nåt?', 'evaluation'],
  ['Chefen vill att vi startar tiktok, men borde vi inte köra affischer och lokaltidningen också för att nå pensionärerna?', 'evaluation'],
  ['our summer campaign on fb is over now, do I need to write up how it went and send it to someone?', 'evaluation'],

  // graphicProfile
  ['vad ska det stå i bion på vår nya insta?', 'graphicProfile'],
  ['ska vi ha med växelnumret till kommunen på sidan', 'graphicProfile'],
  ['what should we name our new TikTok account so people can see it\'s from the municipality?', 'graphicProfile'],

  // administration
  ['bara jag har lösen till fritidsgårdens insta, är det ett problem?', 'administration'],
  ['Var ska vi spara inloggningen till bibliotekets tiktok så att fler kommer åt den?', 'administration'],
  ['can I just send you the password for our facebook page so you keep it safe?', 'administration'],

  // passive
  ['vi har ett twitterkonto som ingen skrivit på sen 2019, kan vi bara låta det ligga?', 'passive'],
  ['Vår blogg har inte uppdaterats på över ett år, får den ligga kvar ändå?', 'passive'],
  ['We barely post on our YouTube channel anymore, like once a year. Is that a problem?', 'passive'],

  // website
  ['kan vi lägga all info om öppettider bara på fb istället för på hemsidan?', 'website'],
  ['Räcker det att vi lägger ut nyheten om skolstarten på insta eller måste den in på webben också?', 'website'],
  ['honestly nobody visits our unit\'s web page, can we just use facebook as our main site instead?', 'website'],

  // plainLanguage
  ['hur ska jag skriva inläggen så folk fattar? det blir alltid jättelångt och krångligt', 'plainLanguage'],
  ['ska man skriva ni eller du till följarna?', 'plainLanguage'],
  ['any tips on tone? my posts for the library sound like official letters lol', 'plainLanguage'],

  // createValue
  ['är det ok att tipsa folk om bra saker kommunen erbjuder när jag hänger i lokala grupper på fb?', 'createValue'],
  ['någon frågade i en grupp hur man söker bygglov och det är superkrångligt, ska jag försöka lösa det själv?', 'createValue'],
  ['I know a lot about the recycling rules here, is it a good idea to share tips about that in local facebook groups?', 'createValue'],
  // A third set (issue 31): more English, and everyday ways of saying each thing; none taken from the held-out set
  // archiving
  ['vad är det där med att ta en bild av kontot två gånger om året?', 'archiving'],
  ['ska vi skicka nåt till arkivet från vår youtubekanal?', 'archiving'],
  ['det är snart nyår, ska jag spara en kopia av sidan nånstans?', 'archiving'],
  ['do we have to archive our page somehow?', 'archiving'],
  ['what\'s the deal with saving a pdf of our account every six months?', 'archiving'],
  ['where do I send the snapshot of our facebook page?', 'archiving'],
  ['is there something we need to keep for the records from our instagram?', 'archiving'],
  ['how do we keep a copy of our account for the archives?', 'archiving'],

  // duties
  ['jag ska ta över bibliotekets insta, vad krävs av mig?', 'duties'],
  ['räcker det om jag svarar på kommentarer en gång i veckan?', 'duties'],
  ['hur mycket tid ska jag lägga på kontot?', 'duties'],
  ['what do I have to do if I\'m responsible for our account?', 'duties'],
  ['is it fine to answer questions on our page once a week?', 'duties'],
  ['how much time should I set aside to run our account?', 'duties'],
  ['do I need to know how tiktok works before I take it on?', 'duties'],
  ['what are my responsibilities as the person running our page?', 'duties'],

  // assignment
  ['vi vill ha en youtubekanal för musikskolan, var börjar jag?', 'assignment'],
  ['vem bestämmer om vår förskola får ha ett eget insta?', 'assignment'],
  ['måste kommunikationschefen godkänna vårt nya konto?', 'assignment'],
  ['who has to approve a new account for our department?', 'assignment'],
  ['we want to start a youtube channel for the music school, where do I begin?', 'assignment'],
  ['does the head of communications need to okay our new page?', 'assignment'],
  ['can I start a work account on my own?', 'assignment'],
  ['what\'s the process for getting a social media account for my team?', 'assignment'],

  // publicRecords
  ['kan en journalist begära ut våra gamla inlägg?', 'publicRecords'],
  ['är det jag skriver på skolans konto offentligt?', 'publicRecords'],
  ['tillhör inläggen mig eller kommunen?', 'publicRecords'],
  ['are the posts on our work account public records?', 'publicRecords'],
  ['can a journalist ask for copies of our old posts?', 'publicRecords'],
  ['who owns what I post on the council\'s page?', 'publicRecords'],
  ['can I delete old posts on our work account without telling anyone?', 'publicRecords'],
  ['is everything we write on the school\'s instagram an official document?', 'publicRecords'],

  // register
  ['var hittar jag alla kommunens officiella sidor?', 'register'],
  ['hur kan jag se om ett insta som säger sig vara kommunens är på riktigt?', 'register'],
  ['kommer vårt konto att synas i någon lista?', 'register'],
  ['how can I tell if a page with our logo is really run by us?', 'register'],
  ['there\'s an account pretending to be the council, how do I check?', 'register'],
  ['will our account show up in some list?', 'register'],
  ['is there a directory of the council\'s social media accounts?', 'register'],
  ['which social media accounts does botkyrka officially have?', 'register'],

  // workTime
  ['är det ok att läsa nyheter på twitter under arbetsdagen?', 'workTime'],
  ['får jag ha facebook öppet på jobbdatorn?', 'workTime'],
  ['kan chefen säga nåt om jag kollar insta på lunchen?', 'workTime'],
  ['am I allowed to be on facebook while at work?', 'workTime'],
  ['can I check twitter for news during the day?', 'workTime'],
  ['is browsing linkedin at my desk okay?', 'workTime'],
  ['will I get in trouble for using instagram on my work phone?', 'workTime'],
  ['do I have to stay off facebook while I\'m working?', 'workTime'],

  // openness
  ['ska jag berätta var jag jobbar när jag svarar i en debatt om skolan?', 'openness'],
  ['måste jag skriva att jag inte talar för kommunen på min privata blogg?', 'openness'],
  ['får jag vara anonym när jag skriver om mitt jobb på nätet?', 'openness'],
  ['I write about elderly care on my blog and I work in elderly care, should I tell readers?', 'openness'],
  ['do I have to add that my posts are my own views, not my employer\'s?', 'openness'],
  ['can I post anonymously about my work?', 'openness'],
  ['is it ok to post about my workplace without saying I\'m an employee?', 'openness'],
  ['how do I show I\'m speaking privately and not on behalf of the municipality?', 'openness'],

  // freedom
  ['får jag säga i en intervju vad jag tycker om nedläggningen av biblioteket?', 'freedom'],
  ['kan jag straffas för att jag pratat med en journalist?', 'freedom'],
  ['får jag ringa tidningen om hur illa det är på mitt boende?', 'freedom'],
  ['can I give my opinion on the municipality\'s budget cuts in public?', 'freedom'],
  ['am I allowed to talk to the media about problems at work?', 'freedom'],
  ['can my boss punish me for talking to a journalist?', 'freedom'],
  ['can I say what I think about a council decision on my own facebook?', 'freedom'],
  ['are there things I can\'t tell a reporter because I work in health care?', 'freedom'],

  // politicians
  ['jag är nämndledamot, måste jag skriva att det är mina åsikter?', 'politicians'],
  ['får vårt parti länka till kommunens nyheter?', 'politicians'],
  ['vad gäller för mig som politiker i sociala medier?', 'politicians'],
  ['as a councillor, can I post links to the council\'s website?', 'politicians'],
  ['what are the rules for politicians using social media?', 'politicians'],
  ['do I need to state that my blog is my own political opinion?', 'politicians'],
  ['can our party share news from the municipality\'s site?', 'politicians'],
  ['I sit on a committee, what do I need to think about when I post?', 'politicians'],

  // attacks
  ['får jag kalla en kollega idiot på nätet?', 'attacks'],
  ['kan jag skriva vad jag tycker om min chef på facebook?', 'attacks'],
  ['är det okej att skriva något elakt om en samarbetspartner?', 'attacks'],
  ['can I call a colleague an idiot online?', 'attacks'],
  ['is it fine to trash talk my boss on facebook?', 'attacks'],
  ['can I write what I really think about a supplier we work with?', 'attacks'],
  ['can I post rude jokes about work on my private account?', 'attacks'],
  ['will I get in trouble for insulting a coworker online?', 'attacks'],

  // bullying
  ['en kollega blir hånad i en facebookgrupp, vad ska jag göra?', 'bullying'],
  ['någon hotar en elev i kommentarerna, ska jag polisanmäla?', 'bullying'],
  ['en brukare blir utsatt för näthat, vem ska jag kontakta?', 'bullying'],
  ['a colleague is being harassed online, what do I do?', 'bullying'],
  ['someone is making threats against a student on instagram', 'bullying'],
  ['should I report it to the police if a client is bullied online?', 'bullying'],
  ['kids are spreading mean stuff about a classmate in a group chat', 'bullying'],
  ['one of our residents is getting hate messages online, who do I contact?', 'bullying'],

  // forwardCriticism
  ['det skrivs mycket negativt om kommunen på twitter just nu, vem ska veta?', 'forwardCriticism'],
  ['hittade en video som gör narr av kommunen, ska jag säga till chefen?', 'forwardCriticism'],
  ['lokaltidningen har en sur krönika om vår förvaltning, ska jag göra något?', 'forwardCriticism'],
  ['there\'s a lot of negative stuff about the municipality on twitter right now, who should I tell?', 'forwardCriticism'],
  ['I saw a video making fun of the council, should I tell my manager?', 'forwardCriticism'],
  ['should I report bad press about the municipality to someone?', 'forwardCriticism'],
  ['someone wrote a blog post trashing our services, what should I do?', 'forwardCriticism'],
  ['I found negative posts about botkyrka in a local group, who do I tell?', 'forwardCriticism'],

  // mediaMonitoring
  ['som chef, måste jag följa vad som skrivs om min förskola?', 'mediaMonitoring'],
  ['vem bevakar vad som skrivs om kommunen på nätet?', 'mediaMonitoring'],
  ['hur vet jag om folk klagar på min enhet på fb?', 'mediaMonitoring'],
  ['as a manager, do I need to follow what is said about my unit?', 'mediaMonitoring'],
  ['who monitors mentions of the municipality on social media?', 'mediaMonitoring'],
  ['how can I find out what people write about my school online?', 'mediaMonitoring'],
  ['is someone at the council tracking what\'s posted about us?', 'mediaMonitoring'],
  ['do unit heads have to read what\'s posted about their unit?', 'mediaMonitoring'],

  // registration
  ['en medborgare har skickat kritik via messenger, vad gör jag med den?', 'registration'],
  ['ska klagomål som kommer in på vår sida till registratorn?', 'registration'],
  ['måste vi föra in kommentarer på fb i diariet?', 'registration'],
  ['a citizen sent criticism through messenger, what do I do with it?', 'registration'],
  ['do complaints we get on our page go to the registrar?', 'registration'],
  ['do we need to register comments on our facebook page?', 'registration'],
  ['someone criticised our service in a message to our account, where should it go?', 'registration'],
  ['are messages we receive on our work account official records?', 'registration'],

  // moderation
  ['hur snabbt måste jag ta bort hatkommentarer?', 'moderation'],
  ['vem ska sköta kommentarerna när jag är föräldraledig?', 'moderation'],
  ['någon gör reklam för sitt företag i våra kommentarer, får jag radera?', 'moderation'],
  ['how quickly must I remove hateful comments?', 'moderation'],
  ['who looks after the comments while I\'m on parental leave?', 'moderation'],
  ['someone is advertising their business in our comments, can I delete it?', 'moderation'],
  ['what kinds of comments am I allowed to remove?', 'moderation'],
  ['is it ok to hide comments with swear words?', 'moderation'],

  // legal
  ['får jag lägga ut ett foto på en kollega utan att fråga?', 'legal'],
  ['kan jag använda en bild från en annan sida om jag skriver varifrån den kommer?', 'legal'],
  ['måste föräldrarna skriva under för att vi ska få visa barnen i en video?', 'legal'],
  ['can I post a photo of a colleague without asking?', 'legal'],
  ['can I use an image from another website if I credit it?', 'legal'],
  ['do parents need to sign something before we show their kids in a video?', 'legal'],
  ['what are the rules about copyright when we post music?', 'legal'],
  ['can I post someone\'s name in a post without their permission?', 'legal'],

  // evaluation
  ['hur mäter vi om vårt konto gör nytta?', 'evaluation'],
  ['måste vi skriva en utvärdering när vår kampanj är slut?', 'evaluation'],
  ['vilka kanaler ska vi använda för att nå ungdomar?', 'evaluation'],
  ['how do we measure if our account is working?', 'evaluation'],
  ['do we have to evaluate our campaign when it\'s over?', 'evaluation'],
  ['which channels should we use to reach young people?', 'evaluation'],
  ['who should get our yearly report about the account?', 'evaluation'],
  ['do we need measurable goals for our page?', 'evaluation'],

  // graphicProfile
  ['vad ska vi döpa vårt nya konto till?', 'graphicProfile'],
  ['måste det stå att det är ett officiellt konto för kommunen?', 'graphicProfile'],
  ['vilken logga ska vi använda på vår sida?', 'graphicProfile'],
  ['what should we call our new account?', 'graphicProfile'],
  ['does our page have to say it\'s an official account of the municipality?', 'graphicProfile'],
  ['do we need the municipality\'s logo as our profile image?', 'graphicProfile'],
  ['what phone number should we put on our profile?', 'graphicProfile'],
  ['what contact details should be on our page?', 'graphicProfile'],

  // administration
  ['vem mer än jag ska kunna logga in på vårt konto?', 'administration'],
  ['var ska vi ha inloggningen så att fler kommer åt den?', 'administration'],
  ['måste kommunikatören ha tillgång till vårt konto?', 'administration'],
  ['who else should be able to log in to our account?', 'administration'],
  ['where should we keep the password so others can get to it?', 'administration'],
  ['should the department\'s communicator be an admin on our page too?', 'administration'],
  ['the only person with the login quit, what now?', 'administration'],
  ['how many people should be admins on our page?', 'administration'],

  // passive
  ['vi har inte postat på flera månader, vad gäller då?', 'passive'],
  ['vårt konto används inte längre, ska vi stänga det?', 'passive'],
  ['det var länge sen vi skrev nåt på vår blogg, gör det nåt?', 'passive'],
  ['we haven\'t posted in months, is that ok?', 'passive'],
  ['nobody updates our page anymore, should we shut it down?', 'passive'],
  ['what happens to an account we don\'t use?', 'passive'],
  ['our blog has been quiet for ages, should we close it?', 'passive'],
  ['is it bad to have an account we rarely post on?', 'passive'],

  // website
  ['kan facebooksidan vara vår huvudkanal istället för webbplatsen?', 'website'],
  ['måste vi länka till botkyrka.se i våra inlägg?', 'website'],
  ['räcker det att informationen finns på insta?', 'website'],
  ['can we post news on instagram without putting it on our website?', 'website'],
  ['do our posts have to point back to the municipality\'s website?', 'website'],
  ['is it enough if the info is only on instagram?', 'website'],
  ['should important news be on our website first?', 'website'],
  ['can we stop updating our website and only post on social media?', 'website'],

  // plainLanguage
  ['hur skriver man bra inlägg?', 'plainLanguage'],
  ['får vi använda förkortningar och fackord i inläggen?', 'plainLanguage'],
  ['ska tonen vara personlig eller formell?', 'plainLanguage'],
  ['how do I write good posts?', 'plainLanguage'],
  ['can we use jargon in our posts?', 'plainLanguage'],
  ['should our tone be personal or formal?', 'plainLanguage'],
  ['how long should a post be?', 'plainLanguage'],
  ['should we write the same way on every platform?', 'plainLanguage'],

  // createValue
  ['någon frågar om något som inte är mitt område, vem ska svara?', 'createValue'],
  ['får jag dela mina kunskaper om energisparande i en grupp på nätet?', 'createValue'],
  ['är det bra om jag tipsar om kommunens evenemang i lokala grupper?', 'createValue'],
  ['someone asked me something outside my area online, what should I do?', 'createValue'],
  ['is it good to share what I know about my field online?', 'createValue'],
  ['can I recommend council services when people ask in local groups?', 'createValue'],
  ['someone asked a complicated question that needs action from another unit', 'createValue'],
  ['should I answer questions about council services in facebook groups?', 'createValue'],

  // about (who the policy is for, the summary): written from the policy's sections, issue 31
  ['gäller policyn för alla som jobbar i kommunen?', 'about'],
  ['jag är undersköterska på ett äldreboende, gäller policyn mig också?', 'about'],
  ['vem är policyn skriven för?', 'about'],
  ['omfattas jag av policyn fast jag bara har ett privat konto?', 'about'],
  ['vad står det i policyn i korthet?', 'about'],
  ['kan du sammanfatta policyn?', 'about'],
  ['är policyn regler eller mer råd?', 'about'],
  ['jag jobbar i köket på en skola, behöver jag bry mig om policyn?', 'about'],
  ['är kommunen negativ till att vi anställda håller på med sociala medier?', 'about'],
  ['vad är poängen med policyn?', 'about'],
  ['does the policy apply to everyone who works for the municipality?', 'about'],
  ['I am a cleaner at a school, does this policy cover me?', 'about'],
  ['who is the social media policy for?', 'about'],
  ['can you sum up the policy in a few lines?', 'about'],
  ['what is the policy about in short?', 'about'],
  ['is the policy rules or just advice?', 'about'],
  ['does the council mind staff being on social media at all?', 'about'],
  ['I only have a personal account, does the policy concern me?', 'about'],
  ['what is the point of this policy?', 'about'],

  // socialMedia
  ['vad räknas som sociala medier?', 'socialMedia'],
  ['räknas en blogg som sociala medier?', 'socialMedia'],
  ['är wikipedia ett socialt medium?', 'socialMedia'],
  ['vad menas med sociala medier i policyn?', 'socialMedia'],
  ['räknas diskussionsforum och wikier också?', 'socialMedia'],
  ['vad är skillnaden mellan sociala medier och en vanlig webbplats?', 'socialMedia'],
  ['what counts as social media?', 'socialMedia'],
  ['is a blog social media?', 'socialMedia'],
  ['does wikipedia count as a social medium?', 'socialMedia'],
  ['what does the policy mean by social media?', 'socialMedia'],
  ['are online forums and wikis included?', 'socialMedia'],
  ['is a discussion forum covered, or only the big platforms?', 'socialMedia'],
  ['what makes something social media rather than a normal website?', 'socialMedia'],

  // why
  ['varför ska kommunen alls vara på sociala medier?', 'why'],
  ['vad vinner kommunen på att finnas på facebook?', 'why'],
  ['varför lägger kommunen tid på instagram?', 'why'],
  ['vad är syftet med att kommunen är med i sociala medier?', 'why'],
  ['folk pratar ändå om kommunen på nätet, varför ska vi vara med?', 'why'],
  ['hur ska sociala medier ge bättre service till invånarna?', 'why'],
  ['är det inte slöseri att kommunen håller på med tiktok?', 'why'],
  ['why should the municipality be on social media at all?', 'why'],
  ['what does the council gain from having facebook pages?', 'why'],
  ['what is the purpose of the municipality taking part in social media?', 'why'],
  ['why do we spend time on instagram as a council?', 'why'],
  ['people talk about us online anyway, why join in?', 'why'],
  ['how does social media help us serve residents better?', 'why'],
  ['isn\'t tiktok a waste of taxpayers money?', 'why'],

  // improve (developing the communication)
  ['hur blir jag bättre på att blogga?', 'improve'],
  ['finns det någon kurs i att twittra bättre?', 'improve'],
  ['jag vill lära mig mer om sociala medier, var börjar jag?', 'improve'],
  ['finns det böcker om hur man använder sociala medier bättre?', 'improve'],
  ['hur kan jag utveckla mig som bloggare?', 'improve'],
  ['how can I get better at blogging?', 'improve'],
  ['is there a course on using twitter more effectively?', 'improve'],
  ['where can I learn more about social media?', 'improve'],
  ['are there any books on getting better at social media?', 'improve'],
  ['I want to improve how we use our instagram, where do I start?', 'improve'],
  ['any good reading on how to tweet well?', 'improve'],

  // assignment: what counts as one ("Delta i sociala medier som ett uppdrag i arbetet")
  ['vad räknas som ett uppdrag i tjänsten?', 'assignment'],
  ['är det ett uppdrag om jag chattar med föräldrarna i skolans lärplattform?', 'assignment'],
  ['jag bloggar om ett projekt jag jobbar med, är det i tjänsten?', 'assignment'],
  ['när är det jobb och inte privat det jag gör på nätet?', 'assignment'],
  ['what counts as an assignment in the job?', 'assignment'],
  ['if I chat with parents on the school learning platform, is that an assignment?', 'assignment'],
  ['I blog about a project at work, does that count as work use?', 'assignment'],
  ['when is what I do online part of my job and not private?', 'assignment'],
];

/** Everyday questions that are not about the policy: they teach the search what to leave to the menu. */
export const elsewhere: readonly string[] = [
  'hur många semesterdagar har jag?',
  'när kommer lönen den här månaden',
  'vad blir det för lunch i matsalen idag?',
  'hur bokar jag ett mötesrum i outlook',
  'skrivaren på plan 3 funkar inte',
  'hur byter jag lösenord till datorn?',
  'var kan jag parkera vid kommunhuset',
  'hur ansöker jag om föräldraledighet?',
  'vem ska jag ringa om jag är sjuk imorgon',
  'hur lägger jag in frånvaro i personalsystemet',
  'när är nästa apt?',
  'hur delar jag skärmen i teams',
  'varför hörs inte ljudet i teams-mötet',
  'hur mycket friskvårdsbidrag får man',
  'vad är klockan',
  'hej hur mår du',
  'vem vann melodifestivalen i år',
  'vad blir vädret i morgon?',
  'vad är huvudstaden i norge',
  'kan jag jobba hemifrån på fredag',
  'hur får jag ett nytt passerkort?',
  'vpn:en strular igen',
  'var hittar jag blanketten för reseräkning',
  'vilka dagar är klämdagar i år',
  'hur många timmar är en heltid',
  'kaffemaskinen är trasig vem fixar den',
  'ge mig ett recept på kanelbullar',
  'när går sista bussen till tumba',
  'how many vacation days do I have left?',
  'when is payday?',
  'how do I book a meeting room',
  'the printer is jammed again',
  'where can I park near the town hall?',
  'how do I share my screen in teams?',
  'can I work from home tomorrow',
  'what\'s the weather like today',
  'tell me a joke',
  'who won the football last night',
  'how do I apply for parental leave?',
  'what\'s the capital of australia',
  'my outlook calendar isn\'t syncing',
  'where do I submit my expense report',
  'hi there!',
  'how do I order a new laptop',
  'is the canteen open on fridays?',
  'hur bokar jag ett konferensrum i outlook?',
  'när kommer lönen i december',
  'Skrivaren på plan 3 säger pappersstopp hela tiden, vem fixar det?',
  'jag har glömt mitt lösenord till datorn, hur återställer jag det',
  'hur sjukanmäler jag mig?',
  'vem ska jag kontakta om friskvårdsbidraget?',
  'Hur får jag en ny passerbricka, min har slutat funka',
  'kan jag jobba hemifrån på fredag eller måste chefen godkänna',
  'hur många dagar föräldraledigt har man rätt till?',
  'vpn:en kopplar ner hela tiden när jag sitter hemma',
  'hur lägger jag till en signatur i mejlen',
  'vad blir det för lunch i matsalen idag?',
  'hur mycket är milersättningen om jag tar egen bil till ett möte',
  'excel kraschar när jag öppnar en stor fil, nån idé?',
  'vem är skyddsombud på vår enhet?',
  'får man ta med hunden till jobbet',
  'hej! hur mår du idag?',
  'tack för hjälpen!',
  'What\'s the wifi password for guests at the town hall?',
  'How do I apply for vacation days in the HR system?',
  'Where do I find the travel expense form?',
  'when is the christmas party this year?',
  'How do I book a parking space at the town hall?',
  'can you tell me a joke',
  'my second monitor isn\'t working after the update, who do I call?',
  // More, written for issue 31: other everyday work questions in both languages
  'hur fyller jag i tidrapporten?',
  'var hittar jag mitt lönebesked',
  'vem ska jag prata med om arbetsmiljön på kontoret?',
  'kan någon hjälpa mig att installera ett program på datorn',
  'hur kopplar jag upp mig mot skrivaren hemifrån?',
  'min mobil är sönder, hur får jag en ny jobbtelefon?',
  'vad är det för dag idag?',
  'vem är min hr-partner?',
  'när är det medarbetarsamtal i år',
  'hur anmäler jag mig till utbildningen i excel?',
  'kan du översätta det här till engelska åt mig',
  'vad kostar det att hyra en lokal av kommunen?',
  'hur ansöker jag om tjänstledigt',
  'var ligger närmaste apotek',
  'vem har nyckeln till förrådet?',
  'hur bokar jag en tolk till ett möte',
  'teams laddar inte, vad gör jag?',
  'hur får jag tillbaka en fil jag råkade radera på g:',
  'vad säger kollektivavtalet om övertid?',
  'skriv ett mejl till min chef om att jag är sjuk',
  'how do I fill in my timesheet?',
  'where can I see my payslip',
  'who do I talk to about the office air conditioning?',
  'can you help me install software on my laptop',
  'my phone is broken, how do I get a new work phone?',
  'when are the staff appraisals this year',
  'how do I sign up for the excel course?',
  'can you translate this email into swedish',
  'how do I apply for unpaid leave',
  'where is the nearest pharmacy',
  'who has the key to the storage room?',
  'teams keeps crashing, what should I do?',
  'how do I recover a file I deleted by mistake',
  'what does the collective agreement say about overtime?',
  'write an email to my boss saying I am sick',
  'what time does the town hall reception open?',
  'how do I change my address in the hr system',
  'who is the union rep at our workplace?',
  'is there a gym discount for staff?',
  'how many days of sick leave can I take without a note?',
];
