/**
 * A realistic Chinese-market demo catalogue (2026 model year) as compact tables, one record a line,
 * fields separated by `|` (the seed parses them). Prices in 万元 (×10,000 yuan), 厂商指导价.
 * Trim features: `basic`, `smart`, `nev`, `lux` name groups of feature keys (see featureGroups).
 */
export const featureGroups: Record<string, string[]> = {
  basic: ['aeb', 'esc', 'tpms', 'isofix', 'airbags_6', 'keyless_entry', 'carplay_android_auto'],
  smart: ['acc', 'lane_keep_assist', 'voice_assistant', 'ota_updates', 'surround_camera_360'],
  nev: ['fast_charging', 'heat_pump', 'v2l'],
  lux: [
    'ventilated_front_seats',
    'heated_front_seats',
    'panoramic_roof',
    'power_tailgate',
    'wireless_charging',
  ],
};

/** Brands. */
export const seedBrandTable = `
# code | name | nameEn | country
BYD | 比亚迪 | BYD | CN
TESLA | 特斯拉 | Tesla | US
LIAUTO | 理想 | Li Auto | CN
GEELY | 吉利 | Geely | CN
FAWVW | 一汽-大众 | FAW-Volkswagen | CN
GACTOYOTA | 广汽丰田 | GAC Toyota | CN
BMWBRILLIANCE | 华晨宝马 | BMW Brilliance | CN
`;

/** Series (车系); warranty months and km where the OEM gives more than the legal minimum (- = minimum). */
export const seedModelTable = `
# brandCode | code | name | nameEn | segment | warrantyMonths warrantyKm
BYD | BYD-HAN | 汉 | Han | D sedan | 72 150000
BYD | BYD-SONGPLUS | 宋PLUS | Song PLUS | A SUV | 72 150000
BYD | BYD-DOLPHIN | 海豚 | Dolphin | A0 hatchback | - -
TESLA | TESLA-M3 | Model 3 | Model 3 | D sedan | 48 80000
TESLA | TESLA-MY | Model Y | Model Y | B SUV | 48 80000
LIAUTO | LI-L7 | 理想L7 | Li L7 | D SUV | 60 100000
LIAUTO | LI-L9 | 理想L9 | Li L9 | E SUV | 60 100000
LIAUTO | LI-MEGA | 理想MEGA | Li MEGA | MPV | 60 100000
GEELY | GEELY-MONJARO | 星越L | Monjaro | B SUV | - -
GEELY | GEELY-GALAXY-L7 | 银河L7 | Galaxy L7 | A SUV | - -
GEELY | GEELY-COOLRAY | 缤越 | Coolray | A0 SUV | - -
FAWVW | FAWVW-MAGOTAN | 迈腾 | Magotan | B sedan | - -
FAWVW | FAWVW-SAGITAR | 速腾 | Sagitar | A sedan | - -
FAWVW | FAWVW-ID4 | ID.4 CROZZ | ID.4 CROZZ | A SUV | 96 160000
GACTOYOTA | GACT-CAMRY | 凯美瑞 | Camry | B sedan | - -
GACTOYOTA | GACT-HIGHLANDER | 汉兰达 | Highlander | C SUV | - -
GACTOYOTA | GACT-BZ4X | bZ4X | bZ4X | A SUV | 96 200000
BMWBRILLIANCE | BMW-3LI | 3系 | 3 Series Li | C sedan | - -
BMWBRILLIANCE | BMW-5LI | 5系 | 5 Series Li | E sedan | - -
BMWBRILLIANCE | BMW-IX3 | iX3 | iX3 | C SUV | 96 160000
`;

/** Colours per brand (every trim of the brand offers them). */
export const seedColourTable = `
# brandCode | kind | code | name | nameEn | hex
BYD | exterior | WH | 雪域白 | Snow White | #F4F5F0
BYD | exterior | BK | 墨玉黑 | Jade Black | #14161A
BYD | exterior | BL | 时空灰 | Time Grey | #6D7075
BYD | exterior | RD | 赤帝红 | Emperor Red | #9E1B22
BYD | interior | BK | 黑色 | Black | #1B1B1B
BYD | interior | BR | 棕色 | Brown | #6B4A35
TESLA | exterior | PPSW | 珍珠白多涂层 | Pearl White Multi-Coat | #F2F2F2
TESLA | exterior | PBSB | 烈焰黑 | Solid Black | #0A0A0A
TESLA | exterior | PN01 | 星空灰 | Stealth Grey | #53565A
TESLA | exterior | PR01 | 烈焰红 | Ultra Red | #A2131C
TESLA | interior | IBB1 | 黑色高级内饰 | All Black Premium | #111111
TESLA | interior | IBW1 | 黑白高级内饰 | Black and White Premium | #E8E8E8
LIAUTO | exterior | SW | 珍珠白 | Pearl White | #F1F1EE
LIAUTO | exterior | DG | 深空灰 | Deep Space Grey | #3E4247
LIAUTO | exterior | GN | 青松绿 | Pine Green | #2F4A3F
LIAUTO | interior | OR | 橙白内饰 | Orange and White | #E9A25A
LIAUTO | interior | BK | 黑色内饰 | Black | #1A1A1A
GEELY | exterior | WH | 冰川白 | Glacier White | #EEF0F0
GEELY | exterior | BK | 曜岩黑 | Obsidian Black | #121314
GEELY | exterior | SL | 银河灰 | Galaxy Silver | #A5A9AE
GEELY | interior | BK | 黑色 | Black | #1C1C1C
FAWVW | exterior | 0Q | 纯净白 | Pure White | #F5F5F3
FAWVW | exterior | 2T | 深黑珍珠 | Deep Black Pearl | #111214
FAWVW | exterior | K5 | 月光石灰 | Moonstone Grey | #8C9096
FAWVW | exterior | P8 | 国王红 | King Red | #8E1D23
FAWVW | interior | TO | 黑色真皮 | Black Leather | #191919
FAWVW | interior | PR | 米色真皮 | Beige Leather | #D8C7A8
GACTOYOTA | exterior | 089 | 铂金珍珠白 | Platinum Pearl White | #EFEFEA
GACTOYOTA | exterior | 218 | 钛金属黑 | Attitude Black | #1A1A1C
GACTOYOTA | exterior | 1K3 | 星光灰 | Starlight Grey | #7A7D80
GACTOYOTA | interior | FB20 | 黑色 | Black | #1C1C1C
GACTOYOTA | interior | FA21 | 暖灰 | Warm Grey | #9C968C
BMWBRILLIANCE | exterior | 300 | 矿石白 | Mineral White | #ECEDEB
BMWBRILLIANCE | exterior | 475 | 宝石黑 | Black Sapphire | #0F1014
BMWBRILLIANCE | exterior | C3Z | 波提芒蓝 | Portimao Blue | #1F4E9C
BMWBRILLIANCE | interior | LCSW | 黑色 Vernasca 真皮 | Black Vernasca Leather | #141414
BMWBRILLIANCE | interior | LCMY | 摩卡色 Vernasca 真皮 | Mocha Vernasca Leather | #5A3A28
`;

/** Trims (配置). Specs: powerKw torqueNm displacementMl batteryWh rangeKm fuelLPer100kmX10 lengthMm wheelbaseMm (- = none). */
export const seedTrimTable = `
# modelCode | code | name | nameEn | bodyType seats energy drivetrain transmission | specs | features | guide price (万元)
BYD-HAN | BYD-HAN-EV-506 | EV 506KM 尊贵型 | EV 506 km Premium | sedan 5 bev rwd single_speed | 170 350 - 60480 506 - 4995 2920 | basic smart nev | 16.98
BYD-HAN | BYD-HAN-EV-610 | EV 610KM 旗舰型 | EV 610 km Flagship | sedan 5 bev rwd single_speed | 180 350 - 72960 610 - 4995 2920 | basic smart nev lux premium_audio | 18.98
BYD-HAN | BYD-HAN-DMI-121 | DM-i 121KM 尊贵型 | DM-i 121 km Premium | sedan 5 phev fwd dht | 145 316 1498 18300 121 39 4975 2920 | basic smart fast_charging | 16.98
BYD-SONGPLUS | BYD-SONGPLUS-DMI-110 | DM-i 110KM 旗舰型 | DM-i 110 km Flagship | suv 5 phev fwd dht | 145 325 1498 18300 110 38 4775 2765 | basic smart power_tailgate panoramic_roof | 15.98
BYD-SONGPLUS | BYD-SONGPLUS-DMI-150 | DM-i 150KM 旗舰PLUS | DM-i 150 km Flagship PLUS | suv 5 phev fwd dht | 160 325 1498 26600 150 36 4775 2765 | basic smart lux v2l | 17.58
BYD-SONGPLUS | BYD-SONGPLUS-EV-605 | EV 605KM 旗舰型 | EV 605 km Flagship | suv 5 bev fwd single_speed | 160 330 - 87040 605 - 4785 2765 | basic smart nev lux | 18.98
BYD-DOLPHIN | BYD-DOLPHIN-420 | 420KM 活力版 | 420 km Active | hatchback 5 bev fwd single_speed | 70 180 - 44900 420 - 4150 2700 | basic ota_updates heat_pump | 9.98
BYD-DOLPHIN | BYD-DOLPHIN-520 | 520KM 骑士版 | 520 km Knight | hatchback 5 bev fwd single_speed | 150 310 - 60480 520 - 4150 2700 | basic smart nev | 12.98
TESLA-M3 | TESLA-M3-RWD | 后轮驱动版 | Rear-Wheel Drive | sedan 5 bev rwd single_speed | 194 340 - 60000 634 - 4720 2875 | basic smart nev heated_front_seats ventilated_front_seats panoramic_roof wireless_charging driver_monitoring | 23.55
TESLA-M3 | TESLA-M3-LR | 长续航全轮驱动版 | Long Range AWD | sedan 5 bev awd single_speed | 331 559 - 78400 713 - 4720 2875 | basic smart nev heated_front_seats ventilated_front_seats panoramic_roof wireless_charging premium_audio driver_monitoring | 27.55
TESLA-MY | TESLA-MY-RWD | 后轮驱动版 | Rear-Wheel Drive | suv 5 bev rwd single_speed | 220 450 - 62500 593 - 4797 2890 | basic smart nev lux | 26.35
TESLA-MY | TESLA-MY-LR | 长续航全轮驱动版 | Long Range AWD | suv 5 bev awd single_speed | 331 559 - 78400 719 - 4797 2890 | basic smart nev lux premium_audio | 30.35
LI-L7 | LI-L7-PRO | Pro | Pro | suv 5 erev awd single_speed | 330 620 1496 42800 225 67 5050 3005 | basic smart lux massage_seats air_suspension hud tri_zone_climate | 30.18
LI-L7 | LI-L7-MAX | Max | Max | suv 5 erev awd single_speed | 330 620 1496 52300 286 65 5050 3005 | basic smart lux massage_seats air_suspension hud tri_zone_climate navigate_on_autopilot auto_parking premium_audio | 33.98
LI-L9 | LI-L9-PRO | Pro | Pro | suv 6 erev awd single_speed | 330 620 1496 52300 280 70 5218 3105 | basic smart lux massage_seats air_suspension hud tri_zone_climate airbags_8_plus | 40.98
LI-L9 | LI-L9-ULTRA | Ultra | Ultra | suv 6 erev awd single_speed | 330 620 1496 52300 280 70 5218 3105 | basic smart lux massage_seats air_suspension hud tri_zone_climate airbags_8_plus navigate_on_autopilot auto_parking premium_audio blind_spot_monitor rear_cross_traffic_alert | 43.98
LI-MEGA | LI-MEGA-ULTRA | Ultra | Ultra | mpv 7 bev awd single_speed | 400 542 - 102700 710 - 5350 3300 | basic smart nev lux massage_seats air_suspension tri_zone_climate navigate_on_autopilot premium_audio airbags_8_plus | 52.98
GEELY-MONJARO | GEELY-MONJARO-2T | 2.0TD 两驱豪华型 | 2.0TD 2WD Luxury | suv 5 ice fwd automatic | 160 325 1969 - - 73 4770 2845 | basic smart panoramic_roof power_tailgate | 15.77
GEELY-MONJARO | GEELY-MONJARO-2T-AWD | 2.0TD 四驱旗舰型 | 2.0TD AWD Flagship | suv 5 ice awd automatic | 175 350 1969 - - 79 4770 2845 | basic smart lux hud premium_audio | 18.77
GEELY-GALAXY-L7 | GEELY-L7-115 | 115KM AIR | 115 km AIR | suv 5 phev fwd dht | 287 535 1499 18700 115 53 4700 2785 | basic smart fast_charging | 13.87
GEELY-GALAXY-L7 | GEELY-L7-55-MAX | 55KM MAX | 55 km MAX | suv 5 phev fwd dht | 287 535 1499 9400 55 53 4700 2785 | basic smart lux | 15.37
GEELY-COOLRAY | GEELY-COOLRAY-15T | 1.5T DCT 尊贵型 | 1.5T DCT Premium | suv 5 ice fwd dct | 133 290 1477 - - 61 4380 2600 | basic acc | 10.78
FAWVW-MAGOTAN | FAWVW-MAGOTAN-330 | 330TSI DSG 领先型 | 330TSI DSG Leading | sedan 5 ice fwd dct | 137 320 1984 - - 65 4917 2871 | basic acc lane_keep_assist heated_front_seats | 20.49
FAWVW-MAGOTAN | FAWVW-MAGOTAN-380 | 380TSI DSG 旗舰型 | 380TSI DSG Flagship | sedan 5 ice fwd dct | 162 350 1984 - - 68 4917 2871 | basic smart lux massage_seats premium_audio auto_parking | 25.69
FAWVW-SAGITAR | FAWVW-SAGITAR-300 | 300TSI DSG 超越版 | 300TSI DSG Beyond | sedan 5 ice fwd dct | 118 250 1395 - - 57 4779 2731 | basic acc | 14.99
FAWVW-SAGITAR | FAWVW-SAGITAR-300-PRO | 300TSI DSG 超越Pro | 300TSI DSG Beyond Pro | sedan 5 ice fwd dct | 118 250 1395 - - 58 4779 2731 | basic smart panoramic_roof wireless_charging | 16.79
FAWVW-ID4 | FAWVW-ID4-PURE | PURE+ | PURE+ | suv 5 bev rwd single_speed | 125 310 - 84800 600 - 4592 2765 | basic smart fast_charging | 19.93
FAWVW-ID4 | FAWVW-ID4-PRIME | PRIME 四驱 | PRIME AWD | suv 5 bev awd single_speed | 230 460 - 84800 560 - 4592 2765 | basic smart nev lux hud massage_seats | 27.63
GACT-CAMRY | GACT-CAMRY-20E | 2.0E 精英版 | 2.0E Elite | sedan 5 ice fwd cvt | 127 206 1987 - - 59 4915 2825 | basic acc lane_keep_assist | 17.18
GACT-CAMRY | GACT-CAMRY-25HG | 2.5HG 双擎豪华版 | 2.5HG Hybrid Luxury | sedan 5 hev fwd cvt | 164 221 2487 - - 44 4915 2825 | basic smart heated_front_seats wireless_charging | 20.98
GACT-HIGHLANDER | GACT-HL-25HEV-7 | 2.5L 双擎四驱豪华版 7座 | 2.5L Hybrid AWD Luxury 7-seat | suv 7 hev awd cvt | 181 238 2487 - - 53 4965 2850 | basic smart lux tri_zone_climate | 31.88
GACT-BZ4X | GACT-BZ4X-615 | 615KM 长续航 Pro | 615 km Long Range Pro | suv 5 bev fwd single_speed | 150 266 - 66700 615 - 4690 2850 | basic smart heat_pump panoramic_roof | 17.98
BMW-3LI | BMW-325LI-MSPORT | 325Li M运动套装 | 325Li M Sport | sedan 5 ice rwd automatic | 135 300 1998 - - 63 4838 2961 | basic acc lane_keep_assist heated_front_seats wireless_charging hud | 34.99
BMW-5LI | BMW-530LI-LUX | 530Li 尊享型 豪华套装 | 530Li Exclusive Luxury | sedan 5 ice rwd automatic | 190 400 1998 - - 69 5175 3105 | basic smart lux massage_seats premium_audio auto_parking airbags_8_plus | 51.99
BMW-IX3 | BMW-IX3-LEADING | 领先型 | Leading | suv 5 bev rwd single_speed | 210 400 - 80000 535 - 4746 2864 | basic smart fast_charging panoramic_roof power_tailgate hud | 40
`;

/** Factory options (选装) per series, with their price (万元). */
export const seedOptionTable = `
# modelCode | code | name | nameEn | price
BYD-HAN | BYD-HAN-COCKPIT | 智能座舱升级包 | Smart cockpit pack | 0.8
TESLA-M3 | TESLA-EAP | 增强版自动辅助驾驶 | Enhanced Autopilot | 3.2
FAWVW-MAGOTAN | FAWVW-MAGOTAN-SUNROOF | 全景天窗 | Panoramic sunroof | 0.6
BMW-3LI | BMW-3LI-MSPORT | M运动套装 | M Sport package | 1.5
LI-L7 | LI-L7-WHEEL21 | 21英寸锻造轮毂 | 21-inch forged wheels | 0.6
GACT-CAMRY | GACT-CAMRY-JBL | JBL 高级音响 | JBL premium audio | 0.5
`;

/** Dealer accessories (精品) that fit every model, with the store's display price (万元). */
export const seedAccessoryTable = `
ACC-FLOORMAT | 全包围脚垫 | All-weather floor mats | 0.088
ACC-DASHCAM | 行车记录仪（前后双录） | Dash camera (front and rear) | 0.129
ACC-PPF | 隐形车衣（TPU 全车） | Paint protection film (TPU, full body) | 0.98
ACC-TINT | 太阳膜（全车） | Window tint (full) | 0.268
ACC-TRUNKMAT | 后备箱垫 | Trunk mat | 0.038
ACC-WALLBOX | 7kW 家用充电桩（含安装） | 7 kW home charger (installed) | 0.299
ACC-CERAMIC | 镀晶漆面养护 | Ceramic paint coating | 0.168
`;

/** The published fee schedule (明示收费标准) of every demo store (万元). */
export const seedFeeTable = `
registration_agency | 上牌代办服务费 | 0.05
temporary_plate | 临时牌照代办费 | 0.01
insurance_agency | 保险代办服务费 | 0
delivery | 异地交车服务费 | 0.08
financing_service | 贷款金融服务费 | 0.12
extended_warranty | 延长保修（2 年 / 5 万公里） | 0.38
accessory_fitting | 精品加装服务费 | 0.02
`;
