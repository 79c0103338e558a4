/**
 * The policy's own words, section by section: *Policy för sociala medier*, Botkyrka kommun, 2011-02-21,
 * as published (the seed of this project). The help search reads them beside the curated answers, and every
 * answer cites its section by heading.
 */
export const policySections = {
  "Du har både yttrandefrihet och meddelarfrihet":
    "Som offentligt anställd kan du fritt uttrycka din åsikt om Botkyrka kommun eller en annan myndighets verksamhet, om inte tystnadsplikt gäller för uppgifterna. Du omfattas också av den grundlagsskyddade meddelarfriheten som innebär att den som lämnat ut uppgifter för publicering i en tryckt skrift, radio eller tv är fri från ansvar även om uppgifterna är sekretesskyddade. Inom kommunen finns det dock flera områden där meddelarfrihet inte råder. Meddelarfrihet gäller inte för en stor del av de sekretessbelagda uppgifter som förekommer inom hälso- och sjukvården, socialtjänsten, förskoleverksamheten, skolverksamheten med flera. Bestämmelser om undantag från meddelarfriheten finns i offentlighets- och sekretesslagen.",
  "Skapa gärna värde":
    "Försök gärna att bidra med värdefull information eller synpunkter när du deltar i sociala medier. Skriv gärna om det du kan och är expert på. Det är bara positivt om du bidrar med relevanta fakta och bra tips som hjälper medborgare och medarbetare att förstå och bättre använda den service som Botkyrka kommun erbjuder. Om det dyker upp en komplicerad fråga eller fråga som kräver en åtgärd kan du alltid tipsa ansvarig verksamhet så att de har möjlighet att svara.",
  "Var gärna öppen med vem du är":
    "När du är aktiv i sociala medier i en fråga som är relaterad till din arbetsuppgift eller din arbetsplats ser vi gärna att du berättar vem du är och vad du arbetar med inom Botkyrka kommun. Det är också bra att du klargör att du deltar som privatperson och inte på uppdrag av Botkyrka kommun, såvida du inte har fått ett specifikt uppdrag (se ”Delta i sociala medier som ett uppdrag i arbetet” längre fram i dokumentet).",
  "Se upp med personangrepp, osaklig kritik och oanständigheter":
    "Botkyrka kommun strävar efter att ha arbetsplatser som bygger på öppenhet och uppmuntrar en saklig dialog och möjligheter att uttrycka kritik, såväl positiv som negativ. Att på sociala medier tala illa om kollegor, leverantörer, samarbetspartners eller andra intressenter kan bryta mot de lojalitetskrav som din arbetsgivare ställer på dig. Tänk dig därför för när det gäller personangrepp, osaklig kritik och oanständigheter.",
  "Uppmärksamma nätmobbning och andra brott":
    "Om du som medarbetare upptäcker att en kollega, elev, kund eller brukare mobbas i sociala medier är det bra om du meddelar din chef eller anmäler detta precis som ett vanligt brott.",
  "Vidarebefordra kritik":
    "Informera gärna din närmaste chef eller Botkyrka kommuns kommunikationschef om du stöter på publicerat material i sociala medier som är negativt för Botkyrka kommun.",
  "Regler för dig som fått ett uppdrag i tjänsten":
    "Du får delta i sociala medier på arbetstid så länge det inte påverkar din arbetsprestation negativt. Det är ett sätt för dig att omvärldsbevaka och hålla dig uppdaterad på vad som händer. Botkyrka kommun vill gärna ha medarbetare som har god kunskap om sin omvärld.",
  "Delta i sociala medier som ett uppdrag i arbetet":
    "För dig som har ett uppdrag att använda sociala medier i tjänsten finns ytterligare riktlinjer. Ett uppdrag innebär en aktivitet i sociala medier som du gör i din yrkesroll och som anställd kommunaltjänsteman i Botkyrka kommun. Exempelvis att blogga om ett arbetsuppdrag eller att kommunicera med elever och föräldrar via chattar, communities eller lärplattformar.",
  "Redovisa sociala medier":
    "På www.botkyrka.se ska det finnas en förteckning över Botkyrka kommuns officiella konton och deltagande inom sociala medier. Syftet är att underlätta sökandet efter allmänna handlingar. Detta grundar sig på arkivlagen och offentlighets- och sekretesslagen. I förteckningen ska det uppges vem som är ansvarig för det sociala mediet, vad deltagandet syftar till och vilken målgrupp du vänder dig till.",
  "Få ett tydligt uppdrag":
    "För att vara aktiv i sociala medier i tjänsten måste du få ett tydligt uppdrag från din chef och uppdraget ska förankras hos kommunikationschefen. Detta görs genom att du och din chef fyller i bilaga 1 \"Aktivitetsplan för sociala medier\", förankrar den hos din förvaltningskommunikatör och kommunens kommunikationschef (detta gäller inte om ditt uppdrag enbart handlar om omvärldsbevakning). Då kommer också ditt uppdrag med på förteckningen över Botkyrka kommuns deltagande inom sociala medier. I och med detta klargörs att du använder sociala medier som anställd kommuntjänsteman och inte privatperson. Materialet som du producerar inom ditt uppdrag kommer då att räknas till kommunens informationsmaterial och därmed klassas som en allmän handling. Du som får ett uppdrag ska: - ha kunskap om det specifika sociala mediet och använda det som en effektiv kommunikationskanal - ha tid till att bedriva arbetet, frågor bör besvaras inom 48 timmar, gärna snabbare så att den som fått ett uppdrag bör ha tid till detta. - känna till Botkyrka kommuns riktlinjer för sociala medier och genomföra arbetet i sociala medier på ett professionellt sätt utifrån dessa riktlinjer.",
  "Planera och utvärdera din kommunikation":
    "Du ska planera din kommunikationsinsats i sociala medier. Analysera vilka kanaler, både traditionella och sociala medier, som ska komplettera varandra för att nå målgruppen på bästa sätt. Sätt mätbara mål för kommunikationen. Följ Botkyrkas mall för kommunikationsplanering och ta gärna hjälp av din förvaltningskommunikatör. Sammanställ en utvärderingsrapport minst en gång per år eller efter avslutad tidsbegränsad aktivitet som du delar med dig av till din förvaltningskommunikatör.",
  "Använd sociala medier som komplement till www.botkyrka.se":
    "Inget socialt media får ersätta kommunens eller verksamhetens webbplats som den officiella externa informationskanalen med fakta och nyheter om kommunen och verksamheten. När du använder sociala medier för att informera om Botkyrka kommun ska du länka till ursprungskällan på www.botkyrka.se och/eller verksamhetens egen webbplats.",
  "Botkyrkas grafiska profil i sociala medier":
    "Använd Botkyrka kommuns grafiska profil i den utsträckning det är möjligt. Var tydlig med avsändaren i användarnamn. Publicera Botkyrkas logotyp eller verksamhetens logotyp för officiella kanaler. Om möjligt ange: - länk till kommunens hemsida, - telefonnummer till kontaktcenter (08-530 610 00) - och att det är ett ”officiellt konto för Botkyrka kommun” eller att ”verksamheten är en del av Botkyrka kommun”.",
  "Skriv klarspråk och hitta tonen":
    "Tänk på att anpassa texten utifrån kanalen, syftet och målgruppen. Skriv tydligt, enkelt och korrekt. Tänk på att använda enkla ord som de flesta förstår. Skriv hellre kort än långt. Använd ”du” som direkt tilltal och en personlig ton. Läs mer om hur man skriver klarspråk i Botkyrka kommuns skrivregler.",
  "Administrera konto":
    "Minst två personer samt förvaltningens kommunikatör bör kunna administrera varje konto som Botkyrka kommun har i sociala medier. Inloggningsuppgifterna bör finnas på en central lagringsplats så att flera personer kommer åt dem, så att kommunen inte råkar ut för att det finns konton som ingen kommer åt att administrera.",
  "Stäng passiva konton":
    "Botkyrka kommuns konton i sociala medier som inte uppdateras regelbundet ska avslutas. På så sätt minskar risken att passiviteten skadar kommunens varumärke.",
  "Följ juridiska villkor och lagarna":
    "Alla sociala medier har sina egna juridiska villkor, ta reda på vad som gäller. Länka till ursprungsmaterialet om du exempelvis skriver ett citat eller hänvisar till artiklar. Om du laddar upp andras innehåll (filmer, bilder, dokument med mera) respektera upphovsrätt, varumärken och andra tillämpbara lagar. Följ kommunens tolkning av personuppgiftslagen (PUL) som exempelvis innebär att du inte får fota och namnge barn eller vuxna utan deras skriftliga medgivande. Sprid eller diskutera inte känslig eller sekretessklassad information, se lagen om offentlighet och sekretess. Om du är osäker, fråga din chef.",
  "Diarieför":
    "Meddelanden som du får via sociala medier som ett led i tjänsteutövningen ska betraktas som allmän handling och ska hanteras som en sådan. Saklig kritik ska diarieföras och föras vidare till rätt instans i organisationen. Information eller kommentarer som lämnas på ett offentligt forum som är en officiell kanal för Botkyrka kommun och som är tillgängligt för allmänheten behöver inte diarieföras om de är strukturerade i kronologisk ordning.",
  "Gallra olämpliga inlägg":
    "Du som är ansvarig för ett socialt medium ska bevaka och gallra olämpliga inlägg inom 48 timmar. Var också tydlig med att så kommer att ske. När du är frånvarande måste du utse en ersättare. Till olämpliga inlägg räknas personangrepp, obscena ord, hets mot folkgrupp, intrång i upphovsrätt, våldsskildringar, pornografi och kommersiell reklam. Lagen om ansvar för elektroniska anslagstavlor ligger till grund.",
  "Dokumentera":
    "Ett uppdrag i tjänsten inkluderar att dokumentera och arkivera ditt sociala mediekonto via en ögonblicksbild vid varje halvårsskifte. Ta en skärmdump/print screen av kontots startsida och spara i PDF-format. Övriga sidors innehåll behöver inte dokumenteras. Skicka sedan till kommunarkivet. Läs mer om hur arkivering går till på kommunens intranät.",
  "Mediebevakning":
    "Kommunikationschefen har ansvar för kommunens mediebevakning. I det uppdraget ligger även att bevaka när Botkyrka kommun omnämns i olika sociala medier. Det är dock även positivt om du som verksamhetschef bevakar vad som sägs om din verksamhet i sociala medier. Du som är chef bör hålla dig uppdaterad på vad som skrivs om din verksamhet och gripa in om du misstänker något brottsligt.",
  "Politiska bloggar eller hemsidor":
    "Du som är politiker i Botkyrka kommun och aktiva i sociala medier får gärna länka till kommunens webbplats. Det bör dock klart och tydligt framgå att åsikter som framförs i det sociala mediet inte är kommunens officiella åsikter utan dina politiska åsikter eller ditt partis åsikter.",
  "Utveckla kommunikationen":
    "Det finns litteratur och råd på internet kring hur man kan bli bättre på att blogga, twittra och använda andra sociala medier mer effektivt.",
} as const;

export type PolicyHeading = keyof typeof policySections;
